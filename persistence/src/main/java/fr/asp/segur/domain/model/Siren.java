package fr.asp.segur.domain.model;

import java.util.regex.Pattern;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * SIREN number of a company (unité légale): 9 digits, the last one a Luhn check digit.
 * <p>
 * {@code value} is always the 9 digits without spaces.
 */
public record Siren(String value) {

    static final String FIELD = "siren";
    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");

    public Siren {
        if (Inputs.isBlank(value)) {
            throw new InvalidValueException(FIELD, "Le numéro de SIREN est obligatoire.");
        }
        if (!NINE_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException(FIELD, "Le numéro de SIREN doit comporter 9 chiffres.");
        }
        if (!LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(value)) {
            throw new InvalidValueException(FIELD,
                    "Le numéro de SIREN n'est pas valide (clé de contrôle incorrecte).");
        }
    }

    /** Builds a SIREN from user input, ignoring spaces (e.g. "479 928 822"). */
    public static Siren of(String raw) {
        return new Siren(Inputs.withoutSpaces(raw));
    }
}
