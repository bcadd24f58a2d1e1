package fr.asp.segur.application.funding;

import fr.asp.segur.domain.funding.Amount;
import fr.asp.segur.domain.funding.CeilingTranche;
import fr.asp.segur.domain.funding.ClientKind;
import fr.asp.segur.domain.funding.FundingCallDefinition;
import fr.asp.segur.domain.funding.SoldeDocument;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.support.Couloir;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The file format of the funding-call referential (our own: no public format exists): CSV, UTF-8,
 * ';'-separated, a header row, one call a line. Columns: code; libelle; couloir (as the portal
 * labels it, e.g. "Officine"); dsr (','-separated); vague; type_client (FINESS, RPPS, SIRET);
 * plafond_ht (a flat ceiling, e.g. 1200,00, or empty); base_plafond (the client characteristic of a
 * ceiling table); tranches ("tranche=montant" separated by '|'); part_avance (e.g. 30 %, as 30);
 * document_solde (VA, MOM, AUCUN); debut_depot, fin_depot, limite_solde ("dd/MM/yyyy HH:mm",
 * Europe/Paris). Used by the administrators' import and by the demo's sample calls.
 */
public final class FundingCallFormat {

    public static final String[] HEADER = {"code", "libelle", "couloir", "dsr", "vague", "type_client", "plafond_ht",
            "base_plafond", "tranches", "part_avance", "document_solde", "debut_depot", "fin_depot", "limite_solde"};
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.FRANCE);

    /** A line of a call file that could not be read: its line number and the French reason. */
    public record LineError(long line, String message) {
    }

    /** What a file holds: the calls it defines and the lines it could not read. */
    public record Parsed(List<FundingCallDefinition> calls, List<LineError> errors) {
    }

    private FundingCallFormat() {
    }

    public static Parsed parse(Reader in) throws IOException {
        List<FundingCallDefinition> calls = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).build();
        for (CSVRecord record : format.parse(in)) {
            long line = record.getRecordNumber() + 1;
            try {
                calls.add(definition(record));
            } catch (InvalidValueException e) {
                errors.add(new LineError(line, e.getMessage()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                errors.add(new LineError(line, "Ligne incomplète : les " + HEADER.length + " colonnes sont attendues."));
            }
        }
        return new Parsed(calls, errors);
    }

    static FundingCallDefinition definition(CSVRecord r) {
        Couloir couloir = Arrays.stream(Couloir.values()).filter(c -> c.label().equalsIgnoreCase(r.get("couloir")))
                .findFirst().orElseThrow(() -> new InvalidValueException("couloir",
                        "Couloir inconnu : « " + r.get("couloir") + " »."));
        List<String> dsr = Arrays.stream(r.get("dsr").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        int vague = integer("vague", r.get("vague"), "La vague doit être 1 ou 2.");
        ClientKind kind = enumValue(ClientKind.class, "type_client", r.get("type_client"),
                "Le type de client doit être FINESS, RPPS ou SIRET.");
        String flat = r.get("plafond_ht");
        Amount flatCeiling = flat.isEmpty() ? null : Amount.parse("plafond", "plafond", flat);
        List<CeilingTranche> tranches = new ArrayList<>();
        String table = r.get("tranches");
        if (!table.isEmpty()) {
            int position = 0;
            for (String entry : table.split("\\|")) {
                int eq = entry.lastIndexOf('=');
                if (eq < 1) {
                    throw new InvalidValueException("plafond", "Tranche mal écrite : « " + entry
                            + " » (attendu : tranche=montant).");
                }
                tranches.add(new CeilingTranche(position++, entry.substring(0, eq).strip(),
                        Amount.parse("plafond", "plafond", entry.substring(eq + 1))));
            }
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(r.get("part_avance").replace("%", "").replace(',', '.').strip())
                    .movePointLeft(2);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("avanceRate", "La part de l'avance doit être un pourcentage, par exemple 30.");
        }
        SoldeDocument solde = enumValue(SoldeDocument.class, "soldeDocument", r.get("document_solde"),
                "Le document du solde doit être VA, MOM ou AUCUN.");
        return new FundingCallDefinition(r.get("code"), r.get("libelle"), couloir, dsr, vague, kind, flatCeiling,
                r.get("base_plafond").isEmpty() ? null : r.get("base_plafond"), tranches, rate, solde,
                dateTime("debut_depot", r.get("debut_depot")), dateTime("fin_depot", r.get("fin_depot")),
                dateTime("limite_solde", r.get("limite_solde")));
    }

    private static int integer(String field, String value, String message) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, message);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, String message) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, message);
        }
    }

    public static LocalDateTime dateTime(String field, String value) {
        try {
            return LocalDateTime.parse(value, DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "Date « " + value + " » illisible : attendu jj/mm/aaaa hh:mm (heure de Paris).");
        }
    }
}
