package fr.asp.segur.domain.funding;

import fr.asp.segur.domain.model.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An amount in euros, always with 2 decimals. Typed amounts accept the French way of writing them
 * ("1 234,56", "1234.5", "1 200"); more than 2 decimals, a negative or a zero amount is refused.
 * <p>
 * Rounding: every computed amount (VAT, avance share) is rounded half-up to the cent
 * ({@link RoundingMode#HALF_UP}), once, at the end of its computation; the solde is then the
 * granted amount minus the avance, so avance + solde always equals the granted amount exactly.
 */
public record Amount(BigDecimal value) implements Comparable<Amount> {

    public static final BigDecimal VAT_RATE = new BigDecimal("0.20");
    public static final Amount ZERO = new Amount(BigDecimal.ZERO);
    private static final BigDecimal MAX = new BigDecimal("9999999999.99");
    private static final Pattern TYPED = Pattern.compile("\\d{1,10}([.,]\\d{1,2})?");

    public Amount {
        if (value == null) {
            throw new IllegalArgumentException("amount must not be null");
        }
        value = value.setScale(2, RoundingMode.HALF_UP);
    }

    public static Amount of(String plain) {
        return new Amount(new BigDecimal(plain));
    }

    /**
     * Reads an amount typed by a user, for the field {@code field}; refuses what is not a positive
     * amount in euros with at most 2 decimals.
     */
    public static Amount parse(String field, String label, String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidValueException(field, "Le " + label + " est obligatoire.");
        }
        String compact = typed.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "");
        if (!TYPED.matcher(compact).matches()) {
            throw new InvalidValueException(field, "Le " + label
                    + " doit être un montant en euros avec au plus 2 décimales, par exemple 1 250,00.");
        }
        BigDecimal value = new BigDecimal(compact.replace(',', '.'));
        if (value.signum() <= 0) {
            throw new InvalidValueException(field, "Le " + label + " doit être supérieur à zéro.");
        }
        if (value.compareTo(MAX) > 0) {
            throw new InvalidValueException(field, "Le " + label + " est trop élevé.");
        }
        return new Amount(value);
    }

    /** The amount including 20 % VAT, for an amount excluding it. */
    public Amount withVat() {
        return new Amount(value.multiply(BigDecimal.ONE.add(VAT_RATE)));
    }

    /** This amount's share at {@code rate} (e.g. 0.30), rounded half-up to the cent. */
    public Amount share(BigDecimal rate) {
        return new Amount(value.multiply(rate));
    }

    public Amount minus(Amount other) {
        return new Amount(value.subtract(other.value));
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(other.value));
    }

    public Amount min(Amount other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Amount other) {
        return value.compareTo(other.value);
    }

    /** French display: "1 234,56 €" (narrow no-break space between thousands). */
    public String formatted() {
        String plain = value.toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String integer = digits.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append('\u202f');
            }
            grouped.append(integer.charAt(i));
        }
        return (negative ? "-" : "") + grouped + "," + digits.substring(dot + 1) + "\u00a0€";
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
