package fr.asp.segur.domain.model;

import java.util.regex.Pattern;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * RPPS number of a health professional (Répertoire partagé des professionnels de santé): 11 digits,
 * permanent for the professional's whole career. The national identifier of the directory
 * (IdNat_PS) is "8" followed by it.
 * <p>
 * The last digit is usually a Luhn key, but no authoritative source confirms it: {@link #keyLooksValid()}
 * is a warning for agents, never a reason to refuse the number.
 */
public record Rpps(String value) {

    static final String FIELD = "rpps";
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("[0-9]{11}");

    public Rpps {
        if (Inputs.isBlank(value)) {
            throw new InvalidValueException(FIELD, "Le numéro RPPS est obligatoire.");
        }
        if (!ELEVEN_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException(FIELD, "Le numéro RPPS doit comporter 11 chiffres.");
        }
    }

    /**
     * Builds an RPPS from user input, ignoring spaces; an IdNat_PS ("8" + the 11 digits, as printed on the
     * professional's CPS card) is read as its RPPS.
     */
    public static Rpps of(String raw) {
        String compact = Inputs.withoutSpaces(raw);
        if (compact != null && compact.length() == 12 && compact.charAt(0) == '8' && ELEVEN_DIGITS.matcher(compact.substring(1)).matches()) {
            compact = compact.substring(1);
        }
        return new Rpps(compact);
    }

    /** @return the national identifier of the directory, IdNat_PS: "8" + the RPPS */
    public String idNatPs() {
        return "8" + value;
    }

    /** @return whether the last digit is a Luhn key of the first ten; a warning only, see the class comment */
    public boolean keyLooksValid() {
        return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(value);
    }
}
