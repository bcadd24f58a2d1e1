package fr.asp.segur.domain.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.UnsupportedCountryException;

/**
 * Business Identifier Code (SWIFT code) of a bank: 4 letters for the institution, 2 for
 * the country, 2 letters or digits for the location and optionally 3 for the branch.
 */
public record Bic(String value) {

    static final String FIELD = "bic";

    /*
     * iban4j accepts digits in the institution code (allowed since ISO 9362:2014) but the
     * portal's rule is 4 letters, as on every BIC issued to French banks.
     */
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    public Bic {
        if (Inputs.isBlank(value)) {
            throw new InvalidValueException(FIELD, "Le BIC est obligatoire.");
        }
        if (value.length() != 8 && value.length() != 11) {
            throw new InvalidValueException(FIELD, "Le BIC doit comporter 8 ou 11 caractères.");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw formatError();
        }
        try {
            BicUtil.validate(value);
        } catch (UnsupportedCountryException e) {
            throw new InvalidValueException(FIELD,
                    "Le code pays du BIC (" + value.substring(4, 6) + ") n'est pas reconnu.");
        } catch (BicFormatException e) {
            throw formatError();
        }
    }

    /** Builds a BIC from user input: spaces removed, letters upper-cased. */
    public static Bic of(String raw) {
        String compact = Inputs.withoutSpaces(raw);
        return new Bic(compact == null ? null : compact.toUpperCase(Locale.ROOT));
    }

    /** @return the 2-letter ISO 3166 country code (characters 5 and 6) */
    public String countryCode() {
        return value.substring(4, 6);
    }

    /** @return the 4-letter institution (bank) code */
    public String institutionCode() {
        return value.substring(0, 4);
    }

    /**
     * Checks that this BIC belongs to the IBAN's country, as a payment to a BIC of
     * another country would be rejected by the bank.
     *
     * @throws InvalidValueException on field "bic" when the countries differ
     */
    public void checkConsistentWith(Iban iban) {
        Objects.requireNonNull(iban, "iban");
        if (!countryCode().equals(iban.countryCode())) {
            throw new InvalidValueException(FIELD,
                    "Le BIC ne correspond pas au pays de l'IBAN (" + iban.countryCode() + ").");
        }
    }

    private static InvalidValueException formatError() {
        return new InvalidValueException(FIELD, "Le format du BIC n'est pas valide (4 lettres pour la banque, "
                + "2 lettres pour le pays, puis 2 ou 5 lettres ou chiffres, par exemple CEPAFRPP313).");
    }
}
