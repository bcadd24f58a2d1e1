package fr.asp.segur.application.referential;

import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.referential.AnsSolution;
import fr.asp.segur.domain.referential.SolutionStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Our CSV format of the ANS list of referenced solutions (UTF-8, comma, RFC 4180 quoting, a header:
 * see persistence/src/main/resources/sample/README.md). Columns are found by their header name.
 */
public final class AnsSolutionFormat {

    public static final CSVFormat CSV = CSVFormat.RFC4180;
    public static final String SAMPLE = "sample/ans_solutions.csv";
    public static final String SOURCE_PROPERTY = "segur.ans.source";

    private static final Pattern NUMBER = Pattern.compile("[a-z0-9]{9,10}");
    private static final Pattern SIREN = Pattern.compile("\\d{9}");

    private AnsSolutionFormat() {
    }

    /**
     * The solution a line describes.
     *
     * @throws InvalidValueException with a French reason when the line is unusable
     */
    public static AnsSolution parse(CSVRecord r) {
        if (!r.isConsistent()) {
            throw invalid("ligne", columnCount(r));
        }
        String number = required(r, "numero_referencement", 10).toLowerCase(Locale.ROOT);
        if (!NUMBER.matcher(number).matches()) {
            throw invalid("numero_referencement", "numéro de référencement « " + number
                    + " » invalide (9 ou 10 lettres minuscules ou chiffres attendus)");
        }
        String siren = required(r, "siren_editeur", 9);
        if (!SIREN.matcher(siren).matches()) {
            throw invalid("siren_editeur", "SIREN de l'éditeur « " + siren + " » invalide (9 chiffres attendus)");
        }
        String wave = required(r, "vague", 9);
        int waveNumber;
        try {
            waveNumber = Integer.parseInt(wave);
        } catch (NumberFormatException e) {
            throw invalid("vague", "vague « " + wave + " » invalide (nombre attendu)");
        }
        if (waveNumber < 1) {
            throw invalid("vague", "vague « " + wave + " » invalide (nombre attendu)");
        }
        String date = optional(r, "date_referencement");
        LocalDate referencingDate;
        try {
            referencingDate = date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw invalid("date_referencement", "date de référencement « " + date + " » invalide (aaaa-mm-jj attendu)");
        }
        String status = required(r, "statut", 16);
        SolutionStatus solutionStatus;
        try {
            solutionStatus = SolutionStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("statut", "statut « " + status + " » invalide (REFERENCE ou RETIRE attendu)");
        }
        return new AnsSolution(number, required(r, "nom_logiciel", 255), required(r, "version", 64), siren,
                required(r, "nom_editeur", 255), required(r, "couloir", 64), required(r, "type_logiciel", 32),
                required(r, "dsr", 64), waveNumber, referencingDate, solutionStatus);
    }

    static String required(CSVRecord r, String column, int maxLength) {
        String value = optional(r, column);
        if (value == null) {
            throw invalid(column, "colonne " + column + " vide");
        }
        if (value.length() > maxLength) {
            throw invalid(column, "colonne " + column + " trop longue (" + maxLength + " caractères au plus)");
        }
        return value;
    }

    static String optional(CSVRecord r, String column) {
        if (!r.isMapped(column)) {
            throw invalid(column, "colonne " + column + " absente de l'en-tête");
        }
        if (!r.isSet(column)) {
            throw invalid(column, columnCount(r));
        }
        String value = r.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    private static String columnCount(CSVRecord r) {
        return r.size() + " colonne(s) au lieu de " + r.getParser().getHeaderNames().size();
    }

    static InvalidValueException invalid(String column, String reason) {
        return new InvalidValueException(column, reason);
    }
}
