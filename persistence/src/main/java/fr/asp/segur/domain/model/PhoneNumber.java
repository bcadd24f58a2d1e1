package fr.asp.segur.domain.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * French phone number (metropolitan France and overseas departments), fixed line or
 * mobile, stored in its national 10-digit form, e.g. "0326212121".
 * <p>
 * Input may be national ("03 26 21 21 21", "03.26.21.21.21") or international
 * ("+33 3 26 21 21 21", "0033326212121", "+262 262 12 34 56").
 */
public record PhoneNumber(String value) {

    static final String DEFAULT_FIELD = "telephone";

    private static final String INVALID =
            "Le numéro de téléphone n'est pas un numéro français valide (10 chiffres, par exemple 01 23 45 67 89).";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /*
     * Overseas departments have their own region in libphonenumber's metadata although
     * they share the French national plan, so a national "0590…" is only valid when read
     * as GP. BL and MF share the Guadeloupe ranges.
     */
    private static final List<String> FRENCH_REGIONS = List.of("FR", "GP", "MQ", "GF", "RE", "YT", "BL", "MF");
    private static final Set<Integer> FRENCH_COUNTRY_CODES = Set.of(33, 590, 594, 596, 262);

    /*
     * 09 numbers are classed as VoIP but are the ordinary lines of internet boxes; toll-free,
     * premium and shared-cost services are not a person's phone.
     */
    private static final Set<PhoneNumberType> ACCEPTED_TYPES = Set.of(PhoneNumberType.FIXED_LINE,
            PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP);

    private static final Pattern NATIONAL_FORM = Pattern.compile("0[1-9][0-9]{8}");

    /*
     * libphonenumber silently turns letters into keypad digits ("vanity numbers") and reads
     * "ext." suffixes, so anything beyond digits and separators is refused up front.
     */
    private static final Pattern ALLOWED_INPUT = Pattern.compile("\\+?[0-9 .\\-/()\\u00A0\\u202F]+");

    /*
     * libphonenumber also reads "3 26 21 21 21" as a French number; we ask for the 10 digits
     * (or an international prefix) so that what is accepted matches what the message says.
     */
    private static final Pattern NATIONAL_OR_INTERNATIONAL_START = Pattern.compile("[(]?(\\+|0).*");

    public PhoneNumber {
        check(DEFAULT_FIELD, value);
    }

    /** Builds a phone number from user input for the default field "telephone". */
    public static PhoneNumber of(String raw) {
        return of(DEFAULT_FIELD, raw);
    }

    /**
     * Builds a phone number from user input.
     *
     * @param field key of the form field, e.g. "representantTelephone", used in errors
     */
    public static PhoneNumber of(String field, String raw) {
        if (Inputs.isBlank(raw)) {
            throw required(field);
        }
        String national = toNationalForm(raw.strip());
        if (national == null) {
            throw new InvalidValueException(field, INVALID);
        }
        check(field, national);
        return new PhoneNumber(national);
    }

    /** @return the number in pairs of digits, e.g. "03 26 21 21 21" */
    public String formatted() {
        return value.replaceAll("(..)(?!$)", "$1 ");
    }

    private static String toNationalForm(String raw) {
        if (!ALLOWED_INPUT.matcher(raw).matches() || !NATIONAL_OR_INTERNATIONAL_START.matcher(raw).matches()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, "FR");
            if (!FRENCH_COUNTRY_CODES.contains(number.getCountryCode())) {
                return null;
            }
            return "0" + UTIL.getNationalSignificantNumber(number);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static void check(String field, String value) {
        if (Inputs.isBlank(value)) {
            throw required(field);
        }
        if (!NATIONAL_FORM.matcher(value).matches() || !isValidInSomeFrenchRegion(value)) {
            throw new InvalidValueException(field, INVALID);
        }
    }

    private static boolean isValidInSomeFrenchRegion(String national) {
        for (String region : FRENCH_REGIONS) {
            try {
                Phonenumber.PhoneNumber number = UTIL.parse(national, region);
                if (UTIL.isValidNumberForRegion(number, region)
                        && ACCEPTED_TYPES.contains(UTIL.getNumberType(number))) {
                    return true;
                }
            } catch (NumberParseException e) {
                // cannot happen for 10 digits; the next region decides
            }
        }
        return false;
    }

    private static InvalidValueException required(String field) {
        return new InvalidValueException(field, "Le numéro de téléphone est obligatoire.");
    }
}
