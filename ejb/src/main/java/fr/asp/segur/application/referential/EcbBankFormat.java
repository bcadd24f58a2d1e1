package fr.asp.segur.application.referential;

import fr.asp.segur.domain.model.Bic;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.referential.BankInstitution;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The European Central Bank's list of financial institutions (tab-separated, a header; the download
 * is UTF-16 with a BOM): only French institutions (COUNTRY_OF_REGISTRATION = FR) are kept, their
 * RIAD code being FR followed by the 5-digit bank code of their IBANs.
 */
public final class EcbBankFormat {

    /** Tab-separated, values never quoted (a name may hold a double quote). */
    public static final CSVFormat TSV = CSVFormat.TDF.builder().setQuote(null).get();
    public static final String SAMPLE = "sample/banks.tsv";
    public static final String SOURCE_PROPERTY = "segur.banks.source";

    private static final Pattern FRENCH_RIAD = Pattern.compile("FR\\d{5}");

    private EcbBankFormat() {
    }

    /**
     * The French institution a line describes; empty for another country's.
     *
     * @throws InvalidValueException with a French reason when the line is unusable
     */
    public static Optional<BankInstitution> parse(CSVRecord r) {
        String country = AnsSolutionFormat.required(r, "COUNTRY_OF_REGISTRATION", 2);
        if (!"FR".equals(country)) {
            return Optional.empty();
        }
        String riad = AnsSolutionFormat.required(r, "RIAD_CODE", 16);
        if (!FRENCH_RIAD.matcher(riad).matches()) {
            throw AnsSolutionFormat.invalid("RIAD_CODE", "code RIAD « " + riad
                    + " » invalide pour un établissement français (FR suivi de 5 chiffres attendu)");
        }
        String bic = AnsSolutionFormat.optional(r, "BIC");
        if (bic != null) {
            try {
                bic = new Bic(bic).value();
            } catch (InvalidValueException e) {
                throw AnsSolutionFormat.invalid("BIC", "BIC « " + bic + " » invalide : " + e.getMessage());
            }
        }
        return Optional.of(new BankInstitution(riad.substring(2), bic, AnsSolutionFormat.required(r, "NAME", 255),
                limited(r, "ADDRESS", 255), limited(r, "POSTAL", 16), limited(r, "CITY", 255)));
    }

    private static String limited(CSVRecord r, String column, int maxLength) {
        String value = AnsSolutionFormat.optional(r, column);
        if (value != null && value.length() > maxLength) {
            throw AnsSolutionFormat.invalid(column, "colonne " + column + " trop longue (" + maxLength
                    + " caractères au plus)");
        }
        return value;
    }
}
