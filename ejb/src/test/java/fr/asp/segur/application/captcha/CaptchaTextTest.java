package fr.asp.segur.application.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CaptchaTextTest {

    @Test
    void the_alphabet_holds_lower_case_letters_and_digits_except_the_ambiguous_ones() {
        assertThat(CaptchaText.ALPHABET)
                .doesNotContain("0", "o", "1", "l", "i", "j")
                .matches("[a-z2-9]+")
                .hasSize(26 - 4 + 10 - 2);
        assertThat(CaptchaText.ALPHABET.chars().distinct().count()).isEqualTo(CaptchaText.ALPHABET.length());
    }

    @Test
    void a_code_has_five_characters_of_the_alphabet_whatever_the_seed() {
        for (long seed = 0; seed < 1000; seed++) {
            String code = CaptchaText.randomCode(new SplittableRandom(seed));

            assertThat(code).hasSize(5).matches("[a-hkmnp-z2-9]{5}");
        }
    }

    @Test
    void every_character_of_the_alphabet_is_used() {
        Set<Character> seen = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            for (char c : CaptchaText.randomCode(random).toCharArray()) {
                seen.add(c);
            }
        }

        assertThat(seen).hasSize(CaptchaText.ALPHABET.length());
    }

    @Test
    void the_same_seed_gives_the_same_code_and_a_secure_source_gives_new_ones() {
        assertThat(CaptchaText.randomCode(new SplittableRandom(7)))
                .isEqualTo(CaptchaText.randomCode(new SplittableRandom(7)));

        SecureRandom secure = new SecureRandom();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            codes.add(CaptchaText.randomCode(secure));
        }
        // 30^5 = 24 million codes: a hundred draws practically never repeat.
        assertThat(codes).hasSizeGreaterThan(95);
    }
}
