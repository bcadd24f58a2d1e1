package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.iban4j.IbanUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    private static final String GUIDE_IBAN = "FR7613135000800800267924623";
    private static final String BAD_MOD97 = "La clé de contrôle de l'IBAN est incorrecte.";
    private static final String BAD_RIB_KEY = "La clé RIB de l'IBAN est incorrecte.";

    /** The two IBANs shown in the supplier's user guide (bank details screen and RIB file name). */
    @ParameterizedTest
    @ValueSource(strings = {GUIDE_IBAN, "FR7617807000430512179603697"})
    void acceptsIbanFromUserGuide(String iban) {
        assertThat(Iban.of(iban).value()).isEqualTo(iban);
    }

    /** Letters in a French account number count in the RIB key as A,J=1 B,K,S=2 … I,R,Z=9. */
    @ParameterizedTest
    @ValueSource(strings = {"FR1420041010050500013M02606", "FR273000400123ABCDEFGHIJK53",
            "FR713000400123LMNOPQ0000004", "FR983000400123RSTUVWXYZ0077"})
    void acceptsFrenchIbanWithLettersInAccountNumber(String iban) {
        assertThat(Iban.of(iban).value()).isEqualTo(iban);
    }

    @Test
    void acceptsForeignIbanWithoutCheckingAnyRibKey() {
        Iban iban = Iban.of("DE89 3704 0044 0532 0130 00");

        assertThat(iban.value()).isEqualTo("DE89370400440532013000");
        assertThat(iban.countryCode()).isEqualTo("DE");
        assertThat(iban.bankCode()).isEqualTo("37040044");
        assertThat(iban.accountNumber()).isEqualTo("0532013000");
        assertThat(iban.ribKey()).isNull();
        assertThat(iban.formatted()).isEqualTo("DE89 3704 0044 0532 0130 00");
        assertThat(iban.masked()).isEqualTo("DE89 **** **** **** **30 00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR76 1313 5000 8008 0026 7924 623", "fr7613135000800800267924623",
            "  Fr76 1313 5000 8008 0026 7924 623\t", "FR76\u00A01313\u00A05000\u00A08008\u00A00026\u00A07924\u00A0623"})
    void ofRemovesSpacesAndUpperCases(String raw) {
        assertThat(Iban.of(raw)).isEqualTo(new Iban(GUIDE_IBAN));
    }

    @Test
    void exposesFrenchRibParts() {
        Iban iban = Iban.of(GUIDE_IBAN);

        assertThat(iban.countryCode()).isEqualTo("FR");
        assertThat(iban.bankCode()).isEqualTo("13135");
        assertThat(iban.branchCode()).isEqualTo("00080");
        assertThat(iban.accountNumber()).isEqualTo("08002679246");
        assertThat(iban.ribKey()).isEqualTo("23");
    }

    @Test
    void formatsInGroupsOfFour() {
        assertThat(Iban.of(GUIDE_IBAN).formatted()).isEqualTo("FR76 1313 5000 8008 0026 7924 623");
    }

    @Test
    void masksAllButCountryCheckDigitsAndLastCharacters() {
        assertThat(Iban.of(GUIDE_IBAN).masked()).isEqualTo("FR76 **** **** **** **** ***4 623");
    }

    @Test
    void toStringNeverRevealsTheFullIban() {
        Iban iban = Iban.of(GUIDE_IBAN);

        assertThat(iban.toString()).isEqualTo(iban.masked()).doesNotContain("13135", "0800267924");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void rejectsMissingIban(String raw) {
        assertRejected(() -> Iban.of(raw), "iban", "L'IBAN est obligatoire.");
    }

    @ParameterizedTest
    @CsvSource({
            "FR761313500080080026792462, 27, FR",
            "FR76131350008008002679246233, 27, FR",
            "FR76, 27, FR",
            "DE8937040044053201300, 22, DE"})
    void rejectsIbanWithWrongLengthForItsCountry(String raw, int length, String country) {
        assertRejected(() -> Iban.of(raw), "iban",
                "L'IBAN doit comporter " + length + " caractères pour ce pays (" + country + ").");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR76A3135000800800267924623", "FR761313500080080026792462A", "FRAB13135000800800267924623",
            "7613135000800800267924623", "FR76-1313-5000-8008-0026-7924-623", "FR76_13135000800800267924623", "F"})
    void rejectsIbanWithBadFormat(String raw) {
        assertRejected(() -> Iban.of(raw), "iban",
                "Le format de l'IBAN n'est pas valide (il commence par le code du pays et 2 chiffres, par exemple FR76).");
    }

    @Test
    void rejectsIbanWithUnknownCountry() {
        assertRejected(() -> Iban.of("XX7613135000800800267924623"), "iban",
                "Le code pays de l'IBAN (XX) n'est pas reconnu.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR7613135000800800267924624", "FR7713135000800800267924623", "DE88370400440532013000"})
    void rejectsIbanWithBadMod97CheckDigits(String raw) {
        assertRejected(() -> Iban.of(raw), "iban", BAD_MOD97);
    }

    @Test
    void rejectsEverySingleDigitAlterationOfValidIban() {
        for (int position = 2; position < GUIDE_IBAN.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == GUIDE_IBAN.charAt(position)) {
                    continue;
                }
                String altered = GUIDE_IBAN.substring(0, position) + digit + GUIDE_IBAN.substring(position + 1);
                assertRejected(() -> Iban.of(altered), "iban", BAD_MOD97);
            }
        }
    }

    /** Built from the guide's IBAN: RIB key 23 changed to 24, IBAN check digits recomputed. */
    @ParameterizedTest
    @ValueSource(strings = {"FR4913135000800800267924624", "FR8420041010050500013M02607"})
    void rejectsFrenchIbanWithCorrectMod97ButWrongRibKey(String raw) {
        assertThat(IbanUtil.isValid(raw)).as("MOD 97 is correct").isTrue();

        assertRejected(() -> Iban.of(raw), "iban", BAD_RIB_KEY);
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertRejected(() -> new Iban("fr7613135000800800267924623"), "iban");
        assertRejected(() -> new Iban("FR76 1313 5000 8008 0026 7924 623"), "iban");
    }
}
