package fr.asp.segur.domain.model;

import java.util.regex.Pattern;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * SIRET number of an establishment: the 9-digit SIREN followed by the 5-digit NIC.
 * <p>
 * Both the SIREN part and the whole SIRET end with a Luhn check digit. La Poste (SIREN
 * 356000000) is the documented exception: INSEE numbers its many establishments so that
 * the sum of the 14 digits is a multiple of 5 instead. Only its head office, 35600000000048,
 * follows Luhn (its digit sum is 26): it is checked by Luhn, every other La Poste SIRET by the
 * sum rule alone, as INSEE does (a La Poste SIRET passing Luhn but not the sum is refused).
 */
public record Siret(String value) {

    static final String FIELD = "siret";
    static final String LA_POSTE_SIREN = "356000000";
    static final String LA_POSTE_HEAD_OFFICE = "35600000000048";
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
        if (digits.startsWith(LA_POSTE_SIREN) && !digits.equals(LA_POSTE_HEAD_OFFICE)) {
            return digitSum(digits) % 5 == 0;
        }
        return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits);
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
