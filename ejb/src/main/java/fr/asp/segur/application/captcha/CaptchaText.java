package fr.asp.segur.application.captcha;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The code drawn in the captcha image, such as {@code bw72x} or {@code nrznm} in the
 * supplier guide.
 */
public final class CaptchaText {

    /**
     * Lower-case letters and digits without 0, o, 1, l, i and j: once distorted, these are
     * the characters people confuse with one another, and a supplier who fails the captcha
     * for a glyph it could not read has to start over.
     */
    public static final String ALPHABET = "abcdefghkmnpqrstuvwxyz23456789";

    /** Five characters: the length of the codes shown in the supplier guide. */
    public static final int LENGTH = 5;

    private CaptchaText() {
    }

    /**
     * Draws a new code.
     *
     * @param rnd a {@link java.security.SecureRandom} in production (a guessable code is no
     *            captcha); a seeded generator in tests
     */
    public static String randomCode(RandomGenerator rnd) {
        Objects.requireNonNull(rnd, "rnd");
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
