package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestNumberTest {

    private static final String FIELD = "numeroDemande";
    private static final String INVALID = "Le numéro de demande n'est pas valide.";
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final long MAX_FIVE_DIGITS = 32L * 32 * 32 * 32 * 32 - 1;

    /** Expected values computed independently of the implementation. */
    @ParameterizedTest
    @CsvSource({
            "1, ENR00001Y",
            "31, ENR0000Z1",
            "32, ENR00010Z",
            "1023, ENR000ZZ2",
            "33554431, ENRZZZZZ5",
            "33554432, ENR100000Z",
            "1000000000, ENRXSNJG06"})
    void encodesSequenceInCrockfordBase32WithLuhnModNCheckCharacter(long sequence, String expected) {
        RequestNumber number = RequestNumber.fromSequence(sequence);

        assertThat(number.value()).isEqualTo(expected);
        assertThat(number.sequence()).isEqualTo(sequence);
        assertThat(RequestNumber.parse(expected)).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 31, 32, 33, 1023, 1024, MAX_FIVE_DIGITS, MAX_FIVE_DIGITS + 1, 1_000_000_000L,
            Long.MAX_VALUE})
    void roundTripsThroughParse(long sequence) {
        String value = RequestNumber.fromSequence(sequence).value();

        assertThat(RequestNumber.parse(value).sequence()).isEqualTo(sequence);
    }

    @Test
    void roundTripsEverySequenceOfASampleRange() {
        LongStream.rangeClosed(1, 5000).forEach(sequence ->
                assertThat(RequestNumber.parse(RequestNumber.fromSequence(sequence).value()).sequence())
                        .isEqualTo(sequence));
    }

    @Test
    void padsToFiveDigitsThenGrowsWithTheSequence() {
        assertThat(RequestNumber.fromSequence(1).value()).hasSize(3 + 5 + 1);
        assertThat(RequestNumber.fromSequence(MAX_FIVE_DIGITS).value()).hasSize(3 + 5 + 1);
        assertThat(RequestNumber.fromSequence(MAX_FIVE_DIGITS + 1).value()).hasSize(3 + 6 + 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void refusesSequenceBelowOne(long sequence) {
        assertThatThrownBy(() -> RequestNumber.fromSequence(sequence)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 32, 1023, 12345, MAX_FIVE_DIGITS, 1_000_000_000L})
    void detectsEverySingleCharacterSubstitution(long sequence) {
        String valid = RequestNumber.fromSequence(sequence).value();
        for (int position = 0; position < valid.length(); position++) {
            for (char c : (ALPHABET + "EN").toCharArray()) {
                if (c == valid.charAt(position)) {
                    continue;
                }
                String altered = valid.substring(0, position) + c + valid.substring(position + 1);
                assertRejected(() -> RequestNumber.parse(altered), FIELD, INVALID);
            }
        }
    }

    /**
     * Luhn mod 32 detects every swap of two neighbours except 0 with Z (like 0 with 9 in
     * decimal Luhn): for those two the doubled value minus the value is the same modulo 32.
     */
    @Test
    void detectsAdjacentTranspositionsOfDistinctCharactersExceptZeroWithZ() {
        int checked = 0;
        for (long sequence : new long[] {1, 31, 1023, 12345, 654321, MAX_FIVE_DIGITS - 7, 1_000_000_000L}) {
            String valid = RequestNumber.fromSequence(sequence).value();
            for (int i = 3; i < valid.length() - 1; i++) {
                char a = valid.charAt(i);
                char b = valid.charAt(i + 1);
                if (a == b) {
                    continue;
                }
                String swapped = valid.substring(0, i) + b + a + valid.substring(i + 2);
                if (Set.of(a, b).equals(Set.of('0', 'Z'))) {
                    assertThat(RequestNumber.parse(swapped)).as("known blind spot").isNotNull();
                } else {
                    assertRejected(() -> RequestNumber.parse(swapped), FIELD, INVALID);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void detectsEveryTranspositionInTheFullAlphabetExceptZeroWithZ() {
        for (char a : ALPHABET.toCharArray()) {
            for (char b : ALPHABET.toCharArray()) {
                if (a == b || Set.of(a, b).equals(Set.of('0', 'Z'))) {
                    continue;
                }
                String digits = "1" + a + b + "23";
                String swapped = "1" + b + a + "23";
                char check = RequestNumber.checkCharacter(digits);
                assertRejected(() -> new RequestNumber("ENR" + swapped + check), FIELD, INVALID);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"enr00010z", " ENR 0001 0Z ", "ENR-0001-0Z", "ENROOO1OZ", "enr-ooo1o-z", "Enr\u00A000010Z"})
    void parseIgnoresCaseSpacesDashesAndReadsOAsZero(String raw) {
        assertThat(RequestNumber.parse(raw).value()).isEqualTo("ENR00010Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENR0000IY", "ENR0000LY", "enr0000ly", "ENROOOOIY"})
    void parseReadsIAndLAsOne(String raw) {
        assertThat(RequestNumber.parse(raw).sequence()).isEqualTo(1);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void rejectsMissingNumber(String raw) {
        assertRejected(() -> RequestNumber.parse(raw), FIELD, "Le numéro de demande est obligatoire.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00010Z",           // no prefix
            "DEM00010Z",        // wrong prefix
            "ENR",              // nothing after the prefix
            "ENR0010Z",         // fewer than 5 digits
            "ENR000010Z",       // extra leading zero: same sequence spelt differently
            "ENR00000Z",        // sequence 0
            "ENR0000000",       // sequence 0 with a matching check character
            "ENR0001UZ",        // U is not in the alphabet
            "ENR00010*",        // stray character
            "ENR00010Y",        // wrong check character
            "ENR0011M0",        // request number shown in the user guide
            "ENR0011M7",        // example from the specification
            "ENRZZZZZZZZZZZZZZ" // beyond a long
    })
    void rejectsInvalidNumber(String raw) {
        assertRejected(() -> RequestNumber.parse(raw), FIELD, INVALID);
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertRejected(() -> new RequestNumber("enr00010z"), FIELD, INVALID);
        assertRejected(() -> new RequestNumber("ENROOO1OZ"), FIELD, INVALID);
    }
}
