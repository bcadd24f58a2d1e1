package fr.asp.segur.application.captcha;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The non-visual alternative to the captcha image (RGAA criterion 1.4 requires one): a
 * small addition written in French words, for example "Combien font sept plus deux ?",
 * whose answer is "9".
 *
 * @param text   the question, to be shown and read aloud
 * @param answer the expected answer, in digits
 */
public record CaptchaQuestion(String text, String answer) {

    /*
     * Several phrasings so that a script cannot parse one fixed sentence. None puts "de"
     * right before a number, which would need an elision with "un" ("d'un").
     * %1$s and %2$s are the two terms.
     */
    private static final List<String> TEMPLATES = List.of(
            "Combien font %1$s plus %2$s ?",
            "Quel est le résultat de l'addition %1$s plus %2$s ?",
            "Additionnez %1$s et %2$s : quel nombre obtenez-vous ?",
            "Si l'on ajoute %2$s à %1$s, quel nombre obtient-on ?",
            "Quelle est la somme des nombres %1$s et %2$s ?",
            "Combien obtient-on en additionnant %1$s et %2$s ?");

    public CaptchaQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answer, "answer");
    }

    /** A new addition of two numbers from 1 to 9, in one of several phrasings. */
    public static CaptchaQuestion random(RandomGenerator rnd) {
        Objects.requireNonNull(rnd, "rnd");
        int first = 1 + rnd.nextInt(9);
        int second = 1 + rnd.nextInt(9);
        String template = TEMPLATES.get(rnd.nextInt(TEMPLATES.size()));
        return new CaptchaQuestion(
                String.format(template, FrenchNumbers.inWords(first), FrenchNumbers.inWords(second)),
                Integer.toString(first + second));
    }

    /** Whether the typed answer is right, in digits or in French words. */
    public boolean accepts(String typed) {
        return CaptchaAnswers.matchesNumber(answer, typed);
    }
}
