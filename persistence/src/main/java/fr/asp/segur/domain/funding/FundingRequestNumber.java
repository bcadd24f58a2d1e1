package fr.asp.segur.domain.funding;

import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.RequestNumber;
import java.util.Locale;

/**
 * Number of a funding request, e.g. "DF00010Z": "DF", then the same body as an enrolment's
 * {@link RequestNumber} (Crockford base 32 and a Luhn mod 32 check character).
 */
public record FundingRequestNumber(String value) {

    static final String PREFIX = "DF";
    private static final String INVALID = "Le numéro de demande de financement n'est pas valide.";

    public FundingRequestNumber {
        if (value == null || !value.startsWith(PREFIX) || !RequestNumber.isCheckedBase32(value.substring(PREFIX.length()))) {
            throw new InvalidValueException("numeroDemande", INVALID);
        }
    }

    public static FundingRequestNumber fromSequence(long sequence) {
        return new FundingRequestNumber(PREFIX + RequestNumber.checkedBase32(sequence));
    }

    /** Reads a number typed by a user: case, spaces and dashes ignored. */
    public static FundingRequestNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("numeroDemande", "Le numéro de demande est obligatoire.");
        }
        String compact = raw.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (!compact.startsWith(PREFIX)) {
            throw new InvalidValueException("numeroDemande", INVALID);
        }
        return new FundingRequestNumber(PREFIX + compact.substring(PREFIX.length())
                .replace('O', '0').replace('I', '1').replace('L', '1'));
    }
}
