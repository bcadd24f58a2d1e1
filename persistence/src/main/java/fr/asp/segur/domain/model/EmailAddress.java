package fr.asp.segur.domain.model;

import java.util.Locale;

import org.apache.commons.validator.routines.EmailValidator;

/**
 * Email address, syntactically checked.
 * <p>
 * The domain is stored in lower case (it is case-insensitive); the local part is kept as
 * typed because, strictly, the receiving server may treat its case as significant.
 * The form holds several email fields, so factories take the field key to report errors on.
 */
public record EmailAddress(String value) {

    static final String DEFAULT_FIELD = "email";

    /** Longest address that fits in an SMTP forward-path (RFC 5321 with its errata). */
    static final int MAX_LENGTH = 254;

    private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);

    public EmailAddress {
        check(DEFAULT_FIELD, value);
    }

    /** Builds an address from user input for the default field "email". */
    public static EmailAddress of(String raw) {
        return of(DEFAULT_FIELD, raw);
    }

    /**
     * Builds an address from user input: surrounding spaces removed, domain lower-cased.
     *
     * @param field key of the form field, e.g. "representantEmail", used in errors
     */
    public static EmailAddress of(String field, String raw) {
        String normalised = normalise(raw);
        check(field, normalised);
        return new EmailAddress(normalised);
    }

    /**
     * Builds an address typed twice by the user, as the enrolment form asks.
     *
     * @param field        key of the email field; the confirmation field is
     *                     {@code field + "Confirmation"}
     * @param email        the address as typed in the first field
     * @param confirmation the address as typed in the confirmation field
     * @throws InvalidValueException on {@code field} when the address is invalid, on
     *                               {@code field + "Confirmation"} when the two differ
     */
    public static EmailAddress confirmed(String field, String email, String confirmation) {
        EmailAddress address = of(field, email);
        String confirmationField = field + "Confirmation";
        if (Inputs.isBlank(confirmation)) {
            throw new InvalidValueException(confirmationField,
                    "La confirmation de l'adresse email est obligatoire.");
        }
        // Case-insensitive because users retyping an address rarely match its capitals.
        if (!email.strip().equalsIgnoreCase(confirmation.strip())) {
            throw new InvalidValueException(confirmationField,
                    "Les deux adresses email ne sont pas identiques.");
        }
        return address;
    }

    private static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            return trimmed;
        }
        return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static void check(String field, String value) {
        if (Inputs.isBlank(value)) {
            throw new InvalidValueException(field, "L'adresse email est obligatoire.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(field,
                    "L'adresse email ne doit pas dépasser " + MAX_LENGTH + " caractères.");
        }
        if (!value.equals(normalise(value)) || !VALIDATOR.isValid(value)) {
            throw new InvalidValueException(field,
                    "L'adresse email n'est pas valide (par exemple prenom.nom@domaine.fr).");
        }
    }
}
