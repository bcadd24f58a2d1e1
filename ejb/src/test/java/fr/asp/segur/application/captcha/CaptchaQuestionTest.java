package fr.asp.segur.application.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CaptchaQuestionTest {

    private static final List<String> DIGITS =
            List.of("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf");

    @Test
    void the_answer_is_the_sum_of_the_two_numbers_written_in_the_question() {
        for (long seed = 0; seed < 1000; seed++) {
            CaptchaQuestion question = CaptchaQuestion.random(new SplittableRandom(seed));

            List<Integer> terms = numbersIn(question.text());
            assertThat(terms).as(question.text()).hasSize(2).allSatisfy(n -> assertThat(n).isBetween(1, 9));
            assertThat(question.answer()).as(question.text())
                    .isEqualTo(Integer.toString(terms.get(0) + terms.get(1)));
        }
    }

    @Test
    void the_question_is_a_french_sentence_without_any_digit() {
        for (long seed = 0; seed < 1000; seed++) {
            String text = CaptchaQuestion.random(new SplittableRandom(seed)).text();

            assertThat(text).doesNotContainPattern("[0-9]").endsWith(" ?").matches("^\\p{Lu}.*");
        }
    }

    @Test
    void the_phrasing_varies() {
        Set<String> phrasings = new HashSet<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            String text = CaptchaQuestion.random(random).text();
            // Blank out the numbers to compare the sentences themselves.
            phrasings.add(text.replaceAll("\\b(" + String.join("|", DIGITS) + ")\\b", "_"));
        }

        assertThat(phrasings).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void every_sum_from_2_to_18_occurs() {
        Set<String> answers = new HashSet<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            answers.add(CaptchaQuestion.random(random).answer());
        }

        assertThat(answers).hasSize(17);
    }

    @Test
    void the_answer_may_be_typed_in_digits_or_in_words() {
        CaptchaQuestion nine = new CaptchaQuestion("Combien font sept plus deux ?", "9");
        CaptchaQuestion seventeen = new CaptchaQuestion("Combien font huit plus neuf ?", "17");

        assertThat(nine.accepts("9")).isTrue();
        assertThat(nine.accepts(" 9 ")).isTrue();
        assertThat(nine.accepts("neuf")).isTrue();
        assertThat(nine.accepts("Neuf")).isTrue();
        assertThat(seventeen.accepts("dix-sept")).isTrue();
        assertThat(seventeen.accepts("Dix sept")).isTrue();
        assertThat(seventeen.accepts("17")).isTrue();
    }

    @Test
    void a_wrong_or_missing_answer_is_refused() {
        CaptchaQuestion nine = new CaptchaQuestion("Combien font sept plus deux ?", "9");

        assertThat(nine.accepts("8")).isFalse();
        assertThat(nine.accepts("huit")).isFalse();
        assertThat(nine.accepts("99")).isFalse();
        assertThat(nine.accepts("")).isFalse();
        assertThat(nine.accepts(null)).isFalse();
        assertThat(new CaptchaQuestion("Combien font huit plus neuf ?", "17").accepts("dix")).isFalse();
    }

    private static List<Integer> numbersIn(String text) {
        List<Integer> numbers = new ArrayList<>();
        for (String word : text.split("[^\\p{L}]+")) {
            int index = DIGITS.indexOf(word);
            if (index >= 0) {
                numbers.add(index);
            }
        }
        return numbers;
    }
}
