package fr.asp.segur.application.captcha;

import java.util.List;

/** Numbers written in French words, as far as the captcha questions need them. */
final class FrenchNumbers {

    /** Covers every sum of two numbers from 1 to 9. */
    static final int MAX = 18;

    private static final List<String> WORDS = List.of(
            "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
            "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit");

    private FrenchNumbers() {
    }

    static String inWords(int number) {
        if (number < 0 || number > MAX) {
            throw new IllegalArgumentException("No French words kept for " + number);
        }
        return WORDS.get(number);
    }
}
