package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RppsTest {

    private static final String BAD_FORMAT = "Le numéro RPPS doit comporter 11 chiffres.";

    @Test
    void acceptsElevenDigits() {
        assertThat(Rpps.of("10000123454").value()).isEqualTo("10000123454");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100 001 234 54", " 10000123454 ", "10000\u00A0123454"})
    void ofRemovesSpaces(String raw) {
        assertThat(Rpps.of(raw)).isEqualTo(new Rpps("10000123454"));
    }

    /** The CPS card and the directory's "Identification nationale PP" print IdNat_PS, "8" + RPPS. */
    @Test
    void ofReadsAnIdNatPsAsItsRpps() {
        Rpps rpps = Rpps.of("810000123454");
        assertThat(rpps.value()).isEqualTo("10000123454");
        assertThat(rpps.idNatPs()).isEqualTo("810000123454");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void rejectsMissingNumber(String raw) {
        assertRejected(() -> Rpps.of(raw), "rpps", "Le numéro RPPS est obligatoire.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000012345", "910000123454", "100001234540", "1000012345A", "10000-23454", "8100001234"})
    void rejectsAnythingButElevenDigits(String raw) {
        assertRejected(() -> Rpps.of(raw), "rpps", BAD_FORMAT);
    }

    /** The key is a warning only: a number whose key fails is still an RPPS number. */
    @Test
    void keyCheckWarnsWithoutRefusing() {
        assertThat(Rpps.of("10000123454").keyLooksValid()).isTrue();
        assertThat(Rpps.of("10100000008").keyLooksValid()).isTrue();
        Rpps badKey = Rpps.of("10000123455");
        assertThat(badKey.value()).isEqualTo("10000123455");
        assertThat(badKey.keyLooksValid()).isFalse();
    }
}
