package fr.asp.segur.domain.model;

import static fr.asp.segur.domain.model.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    private static final String BAD_CHECK = "Le numéro de SIRET n'est pas valide (clé de contrôle incorrecte).";

    /** The two SIRETs shown in the supplier's user guide. */
    @ParameterizedTest
    @ValueSource(strings = {"47992882200069", "81120705900015"})
    void acceptsSiretFromUserGuide(String siret) {
        assertThat(LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(siret)).isTrue();
        assertThat(Siret.of(siret).value()).isEqualTo(siret);
    }

    @Test
    void splitsIntoSirenAndNic() {
        Siret siret = Siret.of("47992882200069");

        assertThat(siret.siren()).isEqualTo(new Siren("479928822"));
        assertThat(siret.nic()).isEqualTo("00069");
    }

    @ParameterizedTest
    @ValueSource(strings = {"479 928 822 00069", "  47992882200069  ", "479\u00A0928\u00A0822\u00A000069"})
    void ofRemovesSpaces(String raw) {
        assertThat(Siret.of(raw)).isEqualTo(new Siret("47992882200069"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void rejectsMissingSiret(String raw) {
        assertRejected(() -> Siret.of(raw), "siret", "Le numéro de SIRET est obligatoire.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4799288220006", "479928822000690", "479928822", "47992882200069 1"})
    void rejectsSiretWithWrongLength(String raw) {
        assertRejected(() -> Siret.of(raw), "siret", "Le numéro de SIRET doit comporter 14 chiffres.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4799288220006A", "47992882200O69", "479.928.822.00069", "+4799288220069"})
    void rejectsSiretWithLetters(String raw) {
        assertRejected(() -> Siret.of(raw), "siret", "Le numéro de SIRET doit comporter 14 chiffres.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"47992882200068", "81120705900016", "81120705900051"})
    void rejectsSiretWithBadCheckDigit(String raw) {
        assertRejected(() -> Siret.of(raw), "siret", BAD_CHECK);
    }

    @Test
    void rejectsEverySingleDigitAlterationOfValidSiret() {
        String valid = "81120705900015";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String altered = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertRejected(() -> Siret.of(altered), "siret", BAD_CHECK);
            }
        }
    }

    @Test
    void rejectsSiretWhoseSirenPartFailsLuhnEvenIfTheWholeNumberPasses() {
        String siret = "47992882300000";
        assertThat(LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(siret)).isTrue();

        assertRejected(() -> Siret.of(siret), "siret", BAD_CHECK);
    }

    /** La Poste's establishments are numbered so that the 14 digits add up to a multiple of 5. */
    @ParameterizedTest
    @ValueSource(strings = {"35600000049837", "35600000000047"})
    void acceptsLaPosteSiretValidOnlyByDigitSumRule(String siret) {
        assertThat(LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(siret)).isFalse();
        assertThat(siret.chars().map(c -> c - '0').sum() % 5).isZero();

        assertThat(Siret.of(siret).siren()).isEqualTo(new Siren("356000000"));
    }

    /** La Poste's head office passes Luhn but its digit sum (26) is not a multiple of 5. */
    @Test
    void acceptsLaPosteHeadOfficeSiretValidByLuhn() {
        assertThat(Siret.of("35600000000048").nic()).isEqualTo("00048");
    }

    /** Luhn is the head office's rule only: another La Poste SIRET must pass the sum rule. */
    @ParameterizedTest
    @ValueSource(strings = {"35600000000014", "35600000000022", "35600000000030"})
    void rejectsLaPosteSiretPassingOnlyLuhn(String raw) {
        assertThat(LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(raw)).isTrue();
        assertThat(raw.chars().map(c -> c - '0').sum() % 5).isNotZero();

        assertRejected(() -> Siret.of(raw), "siret", BAD_CHECK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"35600000049838", "35600000049836"})
    void rejectsLaPosteSiretFailingBothRules(String raw) {
        assertRejected(() -> Siret.of(raw), "siret", BAD_CHECK);
    }

    @Test
    void doesNotApplyDigitSumRuleToOtherCompanies() {
        String siret = "47992882200063";
        assertThat(siret.chars().map(c -> c - '0').sum() % 5).isZero();

        assertRejected(() -> Siret.of(siret), "siret", BAD_CHECK);
    }

    @Test
    void constructorRefusesUnnormalisedValue() {
        assertRejected(() -> new Siret(" 47992882200069"), "siret");
    }
}
