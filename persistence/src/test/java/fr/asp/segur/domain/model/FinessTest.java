package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinessTest {

    private static final String BAD_FORMAT =
            "Le numéro FINESS n'est pas valide : 9 chiffres, le deuxième pouvant être A ou B pour la Corse (ex. : 2A0000012).";

    @ParameterizedTest
    @ValueSource(strings = {"750000010", "130000029", "2A0000012", "2B0000019", "970000011"})
    void acceptsNineCharacterNumbers(String raw) {
        assertThat(Finess.of(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"75 000 001 0", " 750000010 ", "75\u00A0000\u00A0001\u00A00", "75\u202F000\u202F001\u202F0"})
    void ofRemovesSpaces(String raw) {
        assertThat(Finess.of(raw)).isEqualTo(new Finess("750000010"));
    }

    @Test
    void ofAcceptsCorsicaLetterInLowerCase() {
        assertThat(Finess.of("2a 000 001 2").value()).isEqualTo("2A0000012");
    }

    @Test
    void formatsAsFinessPrintsIt() {
        assertThat(Finess.of("750000010").formatted()).isEqualTo("75 000 001 0");
        assertThat(Finess.of("2B0000019").formatted()).isEqualTo("2B 000 001 9");
        assertThat(Finess.of("2B0000019").departement()).isEqualTo("2B");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void rejectsMissingNumber(String raw) {
        assertRejected(() -> Finess.of(raw), "finess", "Le numéro FINESS est obligatoire.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"75000001", "7500000100", "7500"})
    void rejectsWrongLength(String raw) {
        assertRejected(() -> Finess.of(raw), "finess", "Le numéro FINESS doit comporter 9 caractères.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A50000010", "2C0000012", "75000001X", "ZA0000010", "75-000-01", "750A00010"})
    void rejectsBadCharacters(String raw) {
        assertRejected(() -> Finess.of(raw), "finess", BAD_FORMAT);
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertRejected(() -> new Finess("2a0000012"), "finess", BAD_FORMAT);
        assertRejected(() -> new Finess("75 0000010"), "finess");
    }

    /** The key is a warning only: a number whose key fails is still a FINESS number. */
    @Test
    void keyCheckWarnsWithoutRefusing() {
        assertThat(Finess.of("750000010").keyLooksValid()).isTrue();
        assertThat(Finess.of("2A0000016").keyLooksValid()).isTrue();
        assertThat(Finess.of("2A0000012").keyLooksValid()).isFalse();
        Finess badKey = Finess.of("750000011");
        assertThat(badKey.value()).isEqualTo("750000011");
        assertThat(badKey.keyLooksValid()).isFalse();
    }

    @Test
    void everySingleDigitAlterationOfTheKeyIsSeenByTheWarning() {
        for (char key = '0'; key <= '9'; key++) {
            assertThat(Finess.of("13000002" + key).keyLooksValid()).as("key %s", key).isEqualTo(key == '9');
        }
    }
}
