package fr.asp.segur.domain.model;

import java.util.regex.Pattern;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * FINESS number of a health or social establishment: 9 characters, two digits of département (2A and 2B
 * for Corsica), then 7 digits. It identifies either a legal entity (entité juridique, EJ) or one of its
 * sites (établissement, ET); the format does not say which.
 * <p>
 * The last digit is usually a Luhn key over the first eight (Corsica's A/B read as 0), but no
 * authoritative source confirms it for every number: {@link #keyLooksValid()} is a warning for agents,
 * never a reason to refuse the number.
 */
public record Finess(String value) {

    static final String FIELD = "finess";
    private static final Pattern FORMAT = Pattern.compile("[0-9][0-9AB][0-9]{7}");

    public Finess {
        if (Inputs.isBlank(value)) {
            throw new InvalidValueException(FIELD, "Le numéro FINESS est obligatoire.");
        }
        if (value.length() != 9) {
            throw new InvalidValueException(FIELD, "Le numéro FINESS doit comporter 9 caractères.");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException(FIELD,
                    "Le numéro FINESS n'est pas valide : 9 chiffres, le deuxième pouvant être A ou B pour la Corse (ex. : 2A0000012).");
        }
    }

    /** Builds a FINESS from user input, ignoring spaces and the case of Corsica's letter (e.g. "75 000 001 5", "2a0000012"). */
    public static Finess of(String raw) {
        String compact = Inputs.withoutSpaces(raw);
        return new Finess(compact == null ? null : compact.toUpperCase(java.util.Locale.ROOT));
    }

    /** @return the number as FINESS prints it, "NN NNN NNN N" */
    public String formatted() {
        return value.substring(0, 2) + ' ' + value.substring(2, 5) + ' ' + value.substring(5, 8) + ' ' + value.charAt(8);
    }

    /** @return the département part, "75", "2A", "97" (overseas numbers carry the third digit elsewhere) */
    public String departement() {
        return value.substring(0, 2);
    }

    /** @return whether the last digit is the Luhn key of the first eight; a warning only, see the class comment */
    public boolean keyLooksValid() {
        String digits = value.replace('A', '0').replace('B', '0');
        return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits);
    }
}
