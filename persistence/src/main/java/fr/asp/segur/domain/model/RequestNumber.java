package fr.asp.segur.domain.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Number of an enrolment request, e.g. "ENR00010Z", given to the supplier and read over
 * the phone to the support team.
 * <p>
 * Layout: "ENR", the request's sequence in Crockford base 32 left-padded with zeros to at
 * least 5 characters, then one check character computed with the Luhn mod N algorithm
 * (N = 32). Crockford's alphabet has no I, L, O or U, so there is nothing to confuse when
 * spelling it out, and the check character catches every single-character mistake and
 * most swaps of two neighbours before a wrong file is opened.
 */
public record RequestNumber(String value) {

    static final String FIELD = "numeroDemande";
    static final String PREFIX = "ENR";
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int MIN_DIGITS = 5;

    private static final int BASE = ALPHABET.length();
    private static final String INVALID = "Le numéro de demande n'est pas valide.";
    private static final Pattern FORMAT =
            Pattern.compile(PREFIX + "[" + ALPHABET + "]{" + (MIN_DIGITS + 1) + ",}");

    public RequestNumber {
        if (Inputs.isBlank(value)) {
            throw new InvalidValueException(FIELD, "Le numéro de demande est obligatoire.");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw invalid();
        }
        String digits = digitsOf(value);
        // Extra leading zeros would give one sequence two spellings.
        boolean canonical = digits.length() == MIN_DIGITS || digits.charAt(0) != '0';
        if (!canonical || checkCharacter(digits) != value.charAt(value.length() - 1) || decode(digits) < 1) {
            throw invalid();
        }
    }

    /** @param sequence the request's sequence number, at least 1 */
    public static RequestNumber fromSequence(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1: " + sequence);
        }
        StringBuilder digits = new StringBuilder();
        for (long rest = sequence; rest > 0; rest /= BASE) {
            digits.insert(0, ALPHABET.charAt((int) (rest % BASE)));
        }
        while (digits.length() < MIN_DIGITS) {
            digits.insert(0, '0');
        }
        return new RequestNumber(PREFIX + digits + checkCharacter(digits.toString()));
    }

    /**
     * Reads a request number typed or dictated by a user: case, spaces and dashes are
     * ignored, and O, I and L are read as 0, 1 and 1 as Crockford prescribes.
     */
    public static RequestNumber parse(String raw) {
        if (Inputs.isBlank(raw)) {
            throw new InvalidValueException(FIELD, "Le numéro de demande est obligatoire.");
        }
        String compact = Inputs.withoutSpaces(raw).replace("-", "").toUpperCase(Locale.ROOT);
        if (!compact.startsWith(PREFIX)) {
            throw invalid();
        }
        String body = compact.substring(PREFIX.length()).replace('O', '0').replace('I', '1').replace('L', '1');
        return new RequestNumber(PREFIX + body);
    }

    /**
     * The body of a number with this layout for another prefix (e.g. funding requests): the
     * sequence in Crockford base 32, at least 5 characters, then its Luhn mod 32 check character.
     */
    public static String checkedBase32(long sequence) {
        String full = fromSequence(sequence).value();
        return full.substring(PREFIX.length());
    }

    /** Whether {@code body} is a canonical {@link #checkedBase32} body. */
    public static boolean isCheckedBase32(String body) {
        try {
            new RequestNumber(PREFIX + body);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** @return the sequence this number was built from */
    public long sequence() {
        return decode(digitsOf(value));
    }

    private static String digitsOf(String value) {
        return value.substring(PREFIX.length(), value.length() - 1);
    }

    /** @return the decoded value, or -1 when it does not fit in a long */
    private static long decode(String digits) {
        long result = 0;
        try {
            for (char c : digits.toCharArray()) {
                result = Math.addExact(Math.multiplyExact(result, BASE), ALPHABET.indexOf(c));
            }
        } catch (ArithmeticException e) {
            return -1;
        }
        return result;
    }

    /** Luhn mod N: double every second digit from the right, summing the base-N digits. */
    static char checkCharacter(String digits) {
        int factor = 2;
        int sum = 0;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(digits.charAt(i));
            sum += addend / BASE + addend % BASE;
            factor = 3 - factor;
        }
        return ALPHABET.charAt((BASE - sum % BASE) % BASE);
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException(FIELD, INVALID);
    }
}
