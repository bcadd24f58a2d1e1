package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    private static final String INVALID =
            "Le numéro de téléphone n'est pas un numéro français valide (10 chiffres, par exemple 01 23 45 67 89).";

    @ParameterizedTest
    @ValueSource(strings = {"03 26 21 21 21", "03.26.21.21.21", "0326212121", "+33 3 26 21 21 21", "0033326212121",
            "+33326212121", "03-26-21-21-21", "+33 (0)3 26 21 21 21", "  03 26 21 21 21 ", "03\u00A026\u00A021\u00A021\u00A021"})
    void normalisesUsualWritingsToNationalForm(String raw) {
        assertThat(PhoneNumber.of(raw).value()).isEqualTo("0326212121");
    }

    @ParameterizedTest
    @CsvSource({
            "01 42 75 80 00, 0142758000",
            "06 12 34 56 78, 0612345678",
            "07 56 12 34 56, 0756123456",
            "09 12 34 56 78, 0912345678",
            "+33 6 12 34 56 78, 0612345678"})
    void acceptsMetropolitanFixedLinesAndMobiles(String raw, String expected) {
        assertThat(PhoneNumber.of(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "0590 12 34 56, 0590123456",
            "+590 590 12 34 56, 0590123456",
            "0690 12 34 56, 0690123456",
            "0596 61 23 45, 0596612345",
            "0594 12 34 56, 0594123456",
            "0262 12 34 56, 0262123456",
            "+262 262 12 34 56, 0262123456",
            "0269 61 00 00, 0269610000"})
    void acceptsOverseasDepartmentNumbers(String raw, String expected) {
        assertThat(PhoneNumber.of(raw).value()).isEqualTo(expected);
    }

    @Test
    void formatsInPairsOfDigits() {
        assertThat(PhoneNumber.of("+33326212121").formatted()).isEqualTo("03 26 21 21 21");
        assertThat(PhoneNumber.of("+262 262 12 34 56").formatted()).isEqualTo("02 62 12 34 56");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void rejectsMissingNumber(String raw) {
        assertRejected(() -> PhoneNumber.of(raw), "telephone", "Le numéro de téléphone est obligatoire.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0326", "03 26 21 21", "032621212", "03 26 21 21 21 2", "3 26 21 21 21", "326212121", "0026212121"})
    void rejectsNumberWithWrongNumberOfDigits(String raw) {
        assertRejected(() -> PhoneNumber.of(raw), "telephone", INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+377 93 15 80 00", "+1 202 555 0143", "+34 912 345 678",
            "0044 20 7946 0958", "+32 2 123 45 67"})
    void rejectsForeignNumber(String raw) {
        assertRejected(() -> PhoneNumber.of(raw), "telephone", INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03 26 21 21 AB", "O3 26 21 21 21", "0326212121 ext 12", "tel: 0326212121",
            "03 26 21 21 21#", "+33+326212121"})
    void rejectsLettersAndStrayCharacters(String raw) {
        assertRejected(() -> PhoneNumber.of(raw), "telephone", INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08 00 12 34 56", "08 99 12 34 56", "0 800 12 34 56"})
    void rejectsTollFreeAndPremiumRateNumbers(String raw) {
        assertRejected(() -> PhoneNumber.of(raw), "telephone", INVALID);
    }

    @Test
    void reportsErrorsOnTheGivenField() {
        assertRejected(() -> PhoneNumber.of("representantTelephone", "0326"), "representantTelephone", INVALID);
        assertRejected(() -> PhoneNumber.of("depositaireTelephone", null), "depositaireTelephone",
                "Le numéro de téléphone est obligatoire.");
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertRejected(() -> new PhoneNumber("03 26 21 21 21"), "telephone", INVALID);
        assertRejected(() -> new PhoneNumber("+33326212121"), "telephone", INVALID);
    }
}
