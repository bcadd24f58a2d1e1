package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BicTest {

    private static final String BAD_FORMAT = "Le format du BIC n'est pas valide (4 lettres pour la banque, "
            + "2 lettres pour le pays, puis 2 ou 5 lettres ou chiffres, par exemple CEPAFRPP313).";

    @ParameterizedTest
    @CsvSource({
            "CEPAFRPP313, CEPA, FR",
            "CEPAFRPP, CEPA, FR",
            "DEUTDEFF, DEUT, DE",
            "BNPAFRPPXXX, BNPA, FR",
            "PSSTFRPPMAR, PSST, FR",
            "CMCIFR2A, CMCI, FR"})
    void acceptsValidBic(String bic, String institution, String country) {
        Bic parsed = Bic.of(bic);

        assertThat(parsed.value()).isEqualTo(bic);
        assertThat(parsed.institutionCode()).isEqualTo(institution);
        assertThat(parsed.countryCode()).isEqualTo(country);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cepafrpp313", " CEPA FRPP 313 ", "CepaFrPP313", "\tcepafrpp313\n"})
    void ofRemovesSpacesAndUpperCases(String raw) {
        assertThat(Bic.of(raw)).isEqualTo(new Bic("CEPAFRPP313"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void rejectsMissingBic(String raw) {
        assertRejected(() -> Bic.of(raw), "bic", "Le BIC est obligatoire.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CEPAFRP", "CEPAFRPP3", "CEPAFRPP31", "CEPAFRPP3131", "FR"})
    void rejectsBicWithLengthOtherThan8Or11(String raw) {
        assertRejected(() -> Bic.of(raw), "bic", "Le BIC doit comporter 8 ou 11 caractères.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CEP1FRPP", "CEPAF1PP", "CEPAFRP_", "CEPAFRPP31-", "1234FRPP313", "CÉPAFRPP"})
    void rejectsBicWithBadFormat(String raw) {
        assertRejected(() -> Bic.of(raw), "bic", BAD_FORMAT);
    }

    @Test
    void rejectsBicWithUnknownCountry() {
        assertRejected(() -> Bic.of("CEPAXXPP313"), "bic", "Le code pays du BIC (XX) n'est pas reconnu.");
    }

    @Test
    void isConsistentWithIbanOfSameCountry() {
        Iban iban = Iban.of("FR7613135000800800267924623");

        assertThatCode(() -> Bic.of("CEPAFRPP313").checkConsistentWith(iban)).doesNotThrowAnyException();
        assertThatCode(() -> Bic.of("DEUTDEFF").checkConsistentWith(Iban.of("DE89370400440532013000")))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsBicOfAnotherCountryThanIban() {
        Iban french = Iban.of("FR7613135000800800267924623");
        Iban german = Iban.of("DE89370400440532013000");

        assertRejected(() -> Bic.of("DEUTDEFF").checkConsistentWith(french), "bic",
                "Le BIC ne correspond pas au pays de l'IBAN (FR).");
        assertRejected(() -> Bic.of("CEPAFRPP313").checkConsistentWith(german), "bic",
                "Le BIC ne correspond pas au pays de l'IBAN (DE).");
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertRejected(() -> new Bic("cepafrpp313"), "bic", BAD_FORMAT);
    }
}
