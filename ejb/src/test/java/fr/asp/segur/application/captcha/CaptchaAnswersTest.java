package fr.asp.segur.application.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptchaAnswersTest {

    @Test
    void the_exact_code_matches() {
        assertThat(CaptchaAnswers.matches("bw72x", "bw72x")).isTrue();
    }

    @Test
    void case_does_not_matter() {
        assertThat(CaptchaAnswers.matches("bw72x", "BW72X")).isTrue();
        assertThat(CaptchaAnswers.matches("nrznm", "Nrznm")).isTrue();
    }

    @Test
    void spaces_anywhere_are_ignored() {
        assertThat(CaptchaAnswers.matches("bw72x", "  bw72x ")).isTrue();
        assertThat(CaptchaAnswers.matches("bw72x", "b w 7 2 x")).isTrue();
        assertThat(CaptchaAnswers.matches("bw72x", "bw\t72\u00A0x\n")).isTrue();
    }

    @Test
    void full_width_characters_from_asian_keyboards_match_their_ascii_form() {
        assertThat(CaptchaAnswers.matches("bw72x", "ｂｗ７２ｘ")).isTrue();
    }

    @Test
    void any_other_answer_is_refused() {
        assertThat(CaptchaAnswers.matches("bw72x", "bw72y")).isFalse();
        assertThat(CaptchaAnswers.matches("bw72x", "bw72")).isFalse();
        assertThat(CaptchaAnswers.matches("bw72x", "bw72xx")).isFalse();
        assertThat(CaptchaAnswers.matches("bw72x", "xw72b")).isFalse();
        assertThat(CaptchaAnswers.matches("bw72x", "")).isFalse();
        assertThat(CaptchaAnswers.matches("bw72x", "bw72x".repeat(100))).isFalse();
    }

    @Test
    void nothing_matches_a_missing_or_blank_expected_answer() {
        assertThat(CaptchaAnswers.matches(null, "")).isFalse();
        assertThat(CaptchaAnswers.matches("", "")).isFalse();
        assertThat(CaptchaAnswers.matches("  ", " ")).isFalse();
        assertThat(CaptchaAnswers.matches("bw72x", null)).isFalse();
        assertThat(CaptchaAnswers.matches(null, null)).isFalse();
    }

    @Test
    void a_number_matches_in_digits_or_in_french_words() {
        assertThat(CaptchaAnswers.matchesNumber("12", "12")).isTrue();
        assertThat(CaptchaAnswers.matchesNumber("12", "douze")).isTrue();
        assertThat(CaptchaAnswers.matchesNumber("18", "DIX-HUIT")).isTrue();
        assertThat(CaptchaAnswers.matchesNumber("12", "treize")).isFalse();
        assertThat(CaptchaAnswers.matchesNumber("not a number", "douze")).isFalse();
        assertThat(CaptchaAnswers.matchesNumber("99", "99")).isTrue();
        assertThat(CaptchaAnswers.matchesNumber("99", "")).isFalse();
    }
}
