package fr.asp.segur.domain.model;

import java.util.Locale;
import java.util.regex.Pattern;

import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanFormatException.IbanFormatViolation;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * International bank account number, stored without spaces and in upper case.
 * <p>
 * The country's BBAN structure and length and the ISO 13616 MOD 97-10 check digits are
 * verified with iban4j. French IBANs are also checked against their RIB key, which
 * catches errors made when the IBAN was computed from a wrong RIB in the first place.
 * <p>
 * Bank details are personal data: {@link #toString()} returns the {@linkplain #masked()
 * masked} form so that a full IBAN never ends up in a log by accident.
 */
public record Iban(String value) {

    static final String FIELD = "iban";
    static final String FRANCE = "FR";

    /** Characters left visible at the end of a masked IBAN. */
    private static final int MASKED_VISIBLE_TAIL = 4;

    private static final Pattern UPPER_ALPHANUMERIC = Pattern.compile("[A-Z0-9]+");

    /*
     * Value of each letter in a RIB account number, indexed by letter - 'A':
     * A-I -> 1-9, J-R -> 1-9, S-Z -> 2-9 (a legacy of the old EBCDIC digit zones).
     */
    private static final String RIB_LETTER_VALUES = "12345678912345678923456789";

    public Iban {
        if (Inputs.isBlank(value)) {
            throw new InvalidValueException(FIELD, "L'IBAN est obligatoire.");
        }
        if (!UPPER_ALPHANUMERIC.matcher(value).matches()) {
            throw formatError();
        }
        try {
            IbanUtil.validate(value);
        } catch (InvalidCheckDigitException e) {
            throw new InvalidValueException(FIELD, "La clé de contrôle de l'IBAN est incorrecte.");
        } catch (IbanFormatException e) {
            throw formatError(value, e.getFormatViolation());
        } catch (UnsupportedCountryException e) {
            throw unknownCountry(value);
        }
        if (value.startsWith(FRANCE) && !hasValidRibKey(value)) {
            throw new InvalidValueException(FIELD, "La clé RIB de l'IBAN est incorrecte.");
        }
    }

    /** Builds an IBAN from user input: spaces removed, letters upper-cased. */
    public static Iban of(String raw) {
        String compact = Inputs.withoutSpaces(raw);
        return new Iban(compact == null ? null : compact.toUpperCase(Locale.ROOT));
    }

    /** @return the ISO 3166 country code, e.g. "FR" */
    public String countryCode() {
        return value.substring(0, 2);
    }

    /** @return the bank code (5 digits for FR), or null if the country's BBAN has none */
    public String bankCode() {
        return parts().getBankCode();
    }

    /** @return the branch code (guichet, 5 digits for FR), or null if the country's BBAN has none */
    public String branchCode() {
        return parts().getBranchCode();
    }

    /** @return the account number (11 characters for FR) */
    public String accountNumber() {
        return parts().getAccountNumber();
    }

    /** @return the 2-digit RIB key of a French IBAN, null for other countries */
    public String ribKey() {
        return isFrench() ? value.substring(value.length() - 2) : null;
    }

    /** @return the IBAN in groups of 4 characters, as printed on a RIB */
    public String formatted() {
        return groupsOfFour(value);
    }

    /**
     * @return the IBAN with everything hidden except the country code, the check digits
     *         and the last 4 characters, e.g. "FR76 **** **** **** **** ***4 623"; for
     *         logs and lists, where the full number is not needed
     */
    public String masked() {
        int tailStart = value.length() - MASKED_VISIBLE_TAIL;
        return groupsOfFour(value.substring(0, 4) + "*".repeat(tailStart - 4) + value.substring(tailStart));
    }

    /** Deliberately masked: see the class comment. */
    @Override
    public String toString() {
        return masked();
    }

    private boolean isFrench() {
        return countryCode().equals(FRANCE);
    }

    private org.iban4j.Iban parts() {
        return org.iban4j.Iban.valueOf(value);
    }

    private static String groupsOfFour(String s) {
        return s.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** RIB key = 97 - ((89 x bank + 15 x branch + 3 x account) mod 97). */
    private static boolean hasValidRibKey(String iban) {
        String bban = iban.substring(4);
        long bank = Long.parseLong(bban.substring(0, 5));
        long branch = Long.parseLong(bban.substring(5, 10));
        long account = Long.parseLong(ribAccountDigits(bban.substring(10, 21)));
        int key = Integer.parseInt(bban.substring(21, 23));
        return key == 97 - (89 * bank + 15 * branch + 3 * account) % 97;
    }

    private static String ribAccountDigits(String account) {
        StringBuilder digits = new StringBuilder(account.length());
        for (char c : account.toCharArray()) {
            digits.append(Character.isDigit(c) ? c : RIB_LETTER_VALUES.charAt(c - 'A'));
        }
        return digits.toString();
    }

    private static InvalidValueException formatError(String iban, IbanFormatViolation violation) {
        if (violation == IbanFormatViolation.COUNTRY_CODE_EXISTS) {
            return unknownCountry(iban);
        }
        CountryCode country = iban.length() >= 2 ? CountryCode.getByCode(iban.substring(0, 2)) : null;
        if (violation == IbanFormatViolation.BBAN_LENGTH && country != null) {
            return new InvalidValueException(FIELD, "L'IBAN doit comporter "
                    + IbanUtil.getIbanLength(country) + " caractères pour ce pays (" + country.name() + ").");
        }
        return formatError();
    }

    private static InvalidValueException formatError() {
        return new InvalidValueException(FIELD, "Le format de l'IBAN n'est pas valide "
                + "(il commence par le code du pays et 2 chiffres, par exemple FR76).");
    }

    private static InvalidValueException unknownCountry(String iban) {
        String country = iban.length() >= 2 ? iban.substring(0, 2) : iban;
        return new InvalidValueException(FIELD, "Le code pays de l'IBAN (" + country + ") n'est pas reconnu.");
    }
}
