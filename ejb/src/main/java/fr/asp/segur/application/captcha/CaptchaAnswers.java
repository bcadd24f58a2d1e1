package fr.asp.segur.application.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;

/** Compares what the supplier typed with the expected captcha answer. */
public final class CaptchaAnswers {

    /*
     * A captcha answer is a few characters; anything much longer is not an attempt and is
     * refused before hashing, so a huge form field costs nothing.
     */
    private static final int MAX_TYPED_LENGTH = 100;

    private CaptchaAnswers() {
    }

    /**
     * Whether {@code typed} is {@code expected}, ignoring case and every space (people add
     * spaces between the letters they read one by one, and mobile keyboards capitalise the
     * first letter).
     *
     * <p>Both sides are hashed and the digests compared with {@link MessageDigest#isEqual}:
     * the time taken then depends neither on how many leading characters are right nor on
     * the length of the expected answer.
     *
     * @return {@code false} when either side is {@code null} or the expected answer blank,
     *         so that a lost or expired challenge never accepts an empty field
     */
    public static boolean matches(String expected, String typed) {
        if (expected == null || typed == null || typed.length() > MAX_TYPED_LENGTH) {
            return false;
        }
        String normalisedExpected = normalise(expected);
        if (normalisedExpected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(normalisedExpected), sha256(normalise(typed)));
    }

    /**
     * Like {@link #matches}, for the answer to a {@link CaptchaQuestion}: accepts the number
     * in digits ("9") or in French words ("neuf", "Dix-sept", "dix sept"), since the question
     * is itself written in words and is meant for people using a screen reader or dictation.
     */
    public static boolean matchesNumber(String expectedDigits, String typed) {
        if (matches(expectedDigits, typed)) {
            return true;
        }
        int value;
        try {
            value = Integer.parseInt(expectedDigits == null ? "" : expectedDigits.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (value < 0 || value > FrenchNumbers.MAX || typed == null) {
            return false;
        }
        // "dix-sept", "dix sept" and "dixsept" are all the same answer.
        return matches(FrenchNumbers.inWords(value).replace("-", ""), typed.replace("-", ""));
    }

    static String normalise(String text) {
        // NFKC turns full-width letters and digits (some Asian keyboard layouts) into ASCII.
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder normalised = new StringBuilder(compatible.length());
        compatible.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .map(Character::toLowerCase)
                .forEach(normalised::appendCodePoint);
        return normalised.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
