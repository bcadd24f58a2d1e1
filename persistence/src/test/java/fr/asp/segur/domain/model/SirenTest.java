package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SirenTest {

    @ParameterizedTest
    @ValueSource(strings = {"479928822", "811207059", "356000000"})
    void acceptsValidSiren(String siren) {
        assertThat(Siren.of(siren).value()).isEqualTo(siren);
    }

    @ParameterizedTest
    @ValueSource(strings = {"479 928 822", " 479928822 ", "479\u00A0928\u202F822", "\t479928822\n"})
    void ofRemovesSpaces(String raw) {
        assertThat(Siren.of(raw)).isEqualTo(new Siren("479928822"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u00A0"})
    void rejectsMissingSiren(String raw) {
        assertRejected(() -> Siren.of(raw), "siren", "Le numéro de SIREN est obligatoire.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"47992882", "4799288220", "47992882A", "479-928-822", "４７９９２８８２２"})
    void rejectsSirenThatIsNotNineDigits(String raw) {
        assertRejected(() -> Siren.of(raw), "siren", "Le numéro de SIREN doit comporter 9 chiffres.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"479928823", "479928829", "749928822"})
    void rejectsSirenWithBadCheckDigit(String raw) {
        assertRejected(() -> Siren.of(raw), "siren",
                "Le numéro de SIREN n'est pas valide (clé de contrôle incorrecte).");
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertRejected(() -> new Siren("479 928 822"), "siren", "Le numéro de SIREN doit comporter 9 chiffres.");
    }
}
