package fr.asp.segur.domain.model;

import java.util.regex.Pattern;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * SIRET number of an establishment: the 9-digit SIREN followed by the 5-digit NIC.
 * <p>
 * Both the SIREN part and the whole SIRET end with a Luhn check digit. La Poste (SIREN
 * 356000000) is the documented exception: INSEE numbers its many establishments so that
 * the sum of the 14 digits is a multiple of 5 instead. Its head office, 35600000000048,
 * satisfies Luhn but not the sum rule, so for La Poste either rule is accepted.
 */
public record Siret(String value) {

    static final String FIELD = "siret";
    static final String LA_POSTE_SIREN = "356000000";
    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("[0-9]{14}");

    public Siret {
        if (Inputs.isBlank(value)) {
            throw new InvalidValueException(FIELD, "Le numéro de SIRET est obligatoire.");
        }
        if (!FOURTEEN_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException(FIELD, "Le numéro de SIRET doit comporter 14 chiffres.");
        }
        if (!hasValidCheckDigits(value)) {
            throw new InvalidValueException(FIELD,
                    "Le numéro de SIRET n'est pas valide (clé de contrôle incorrecte).");
        }
    }

    /** Builds a SIRET from user input, ignoring spaces (e.g. "479 928 822 00069"). */
    public static Siret of(String raw) {
        return new Siret(Inputs.withoutSpaces(raw));
    }

    /** @return the SIREN of the company owning this establishment (first 9 digits) */
    public Siren siren() {
        return new Siren(value.substring(0, 9));
    }

    /** @return the NIC, the establishment's 5-digit number within its company */
    public String nic() {
        return value.substring(9);
    }

    private static boolean hasValidCheckDigits(String digits) {
        // A SIRET passing Luhn on 14 digits can still carry a SIREN that does not exist.
        if (!LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits.substring(0, 9))) {
            return false;
        }
        if (LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits)) {
            return true;
        }
        return digits.startsWith(LA_POSTE_SIREN) && digitSum(digits) % 5 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
