package fr.asp.segur.application.referential;

import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.Siren;
import fr.asp.segur.domain.model.Siret;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * INSEE's SIRENE stock files (format 3.11: {@code StockEtablissement}, 54 columns, and
 * {@code StockUniteLegale}, 33 or 35 columns) mapped to the portal's referential tables. The one
 * place that knows which INSEE column feeds which table column and which lines are unusable; both
 * the {@code sirene-sync} job and the sample loader use it.
 * <p>
 * Columns are found by header name (INSEE has added columns over the years). A mapped row is the
 * target table's columns as text, in {@link #columns()} order, {@code null} for empty: the form
 * PostgreSQL's COPY and a JDBC batch both take.
 */
public enum SireneFormat implements ReferentialTable {

    /** StockEtablissement into {@code sirene_establishment}. */
    ESTABLISHMENTS("sirene_establishment", "siret",
            List.of("siret", "siren", "head_office", "address_complement", "street_number", "repetition_index",
                    "street_type", "street_name", "postal_code", "city", "state", "sign_name", "usual_name",
                    "last_processed_at"),
            List.of("siret", "siren", "nic", "etablissementSiege", "complementAdresseEtablissement",
                    "numeroVoieEtablissement", "indiceRepetitionEtablissement", "typeVoieEtablissement",
                    "libelleVoieEtablissement", "codePostalEtablissement", "libelleCommuneEtablissement",
                    "etatAdministratifEtablissement", "enseigne1Etablissement", "denominationUsuelleEtablissement",
                    "dateDernierTraitementEtablissement")) {
        @Override
        String[] map(CSVRecord r, int[] i) throws InvalidLineException {
            String siret = r.get(i[0]).trim();
            String siren = r.get(i[1]).trim();
            try {
                new Siret(siret);
            } catch (InvalidValueException e) {
                throw new InvalidLineException("SIRET « " + siret + " » invalide : " + e.getMessage());
            }
            if (!siret.equals(siren + r.get(i[2]).trim())) {
                throw new InvalidLineException("le SIRET " + siret + " n'est pas le SIREN suivi du NIC.");
            }
            String headOffice = r.get(i[3]).trim().toLowerCase(Locale.ROOT);
            if (!headOffice.equals("true") && !headOffice.equals("false")) {
                throw new InvalidLineException("etablissementSiege « " + r.get(i[3]) + " » n'est ni true ni false.");
            }
            String state = r.get(i[11]).trim();
            if (!state.equals("A") && !state.equals("F")) {
                throw new InvalidLineException("état administratif « " + state + " » inconnu (A ou F attendu).");
            }
            return new String[] {
                siret, siren, headOffice,
                text(r, i[4], "complementAdresseEtablissement", 255),
                text(r, i[5], "numeroVoieEtablissement", 8),
                text(r, i[6], "indiceRepetitionEtablissement", 4),
                text(r, i[7], "typeVoieEtablissement", 8),
                text(r, i[8], "libelleVoieEtablissement", 255),
                text(r, i[9], "codePostalEtablissement", 8),
                text(r, i[10], "libelleCommuneEtablissement", 255),
                state,
                text(r, i[12], "enseigne1Etablissement", 255),
                text(r, i[13], "denominationUsuelleEtablissement", 255),
                timestamp(r, i[14], "dateDernierTraitementEtablissement")
            };
        }
    },

    /** StockUniteLegale into {@code sirene_legal_unit}: the legal name ("dénomination sociale"). */
    LEGAL_UNITS("sirene_legal_unit", "siren",
            List.of("siren", "denomination", "state", "last_processed_at"),
            List.of("siren", "denominationUniteLegale", "nomUniteLegale", "nomUsageUniteLegale",
                    "prenomUsuelUniteLegale", "prenom1UniteLegale", "etatAdministratifUniteLegale",
                    "dateDernierTraitementUniteLegale")) {
        @Override
        String[] map(CSVRecord r, int[] i) throws InvalidLineException {
            String siren = r.get(i[0]).trim();
            try {
                new Siren(siren);
            } catch (InvalidValueException e) {
                throw new InvalidLineException("SIREN « " + siren + " » invalide : " + e.getMessage());
            }
            String state = r.get(i[6]).trim();
            if (!state.equals("A") && !state.equals("C")) {
                throw new InvalidLineException("état administratif « " + state + " » inconnu (A ou C attendu).");
            }
            String name = text(r, i[1], "denominationUniteLegale", 255);
            if (name == null) {
                // A sole trader (catégorie juridique 1000) has no denomination: its legal name is the person's.
                String last = value(r, i[3]) != null ? value(r, i[3]) : value(r, i[2]);
                String first = value(r, i[4]) != null ? value(r, i[4]) : value(r, i[5]);
                if (last != null) {
                    name = first == null ? last : last + " " + first;
                    if (name.length() > 255) {
                        throw new InvalidLineException("nom de l'unité légale trop long (plus de 255 caractères).");
                    }
                }
            }
            return new String[] {siren, name, state, timestamp(r, i[7], "dateDernierTraitementUniteLegale")};
        }
    };

    private final String table;
    private final String key;
    private final List<String> columns;
    private final List<String> sourceColumns;

    SireneFormat(String table, String key, List<String> columns, List<String> sourceColumns) {
        this.table = table;
        this.key = key;
        this.columns = columns;
        this.sourceColumns = sourceColumns;
    }

    /** The referential table this file feeds. */
    @Override
    public String table() {
        return table;
    }

    /** The table's key column (siret or siren). */
    @Override
    public String key() {
        return key;
    }

    /** The table's columns, in the order of a mapped row. */
    @Override
    public List<String> columns() {
        return columns;
    }

    /** Whether the row's value at this index is a timestamp (ISO text), for typed JDBC binding. */
    @Override
    public boolean isTimestamp(int column) {
        return columns.get(column).equals("last_processed_at");
    }

    /** Whether the row's value at this index is a boolean ("true"/"false"). */
    @Override
    public boolean isBoolean(int column) {
        return columns.get(column).equals("head_office");
    }

    /**
     * The mapper for a file with this header.
     *
     * @throws InvalidLineException when a column the portal needs is missing (the whole file is unusable)
     */
    public Mapper mapper(List<String> header) throws InvalidLineException {
        int[] indexes = new int[sourceColumns.size()];
        for (int c = 0; c < indexes.length; c++) {
            indexes[c] = header.indexOf(sourceColumns.get(c));
            if (indexes[c] < 0) {
                throw new InvalidLineException("colonne « " + sourceColumns.get(c) + " » absente de l'en-tête.");
            }
        }
        int width = header.size();
        return record -> {
            if (record.size() != width) {
                throw new InvalidLineException(record.size() + " colonnes au lieu de " + width + ".");
            }
            return map(record, indexes);
        };
    }

    abstract String[] map(CSVRecord record, int[] indexes) throws InvalidLineException;

    /** Maps one line of a SIRENE file to a row of the referential table. */
    @FunctionalInterface
    public interface Mapper {
        String[] row(CSVRecord record) throws InvalidLineException;
    }

    /** A line that cannot be used, with the reason in French (the administrators read it). */
    public static class InvalidLineException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidLineException(String reason) {
            super(reason);
        }
    }

    /** The value, or null when empty or not diffusible ({@code [ND]}, partially diffusible establishments). */
    private static String value(CSVRecord r, int index) {
        String v = r.get(index);
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() || v.equals("[ND]") ? null : v;
    }

    private static String text(CSVRecord r, int index, String column, int max) throws InvalidLineException {
        String v = value(r, index);
        if (v != null && v.length() > max) {
            throw new InvalidLineException(column + " trop long (plus de " + max + " caractères).");
        }
        return v;
    }

    /** INSEE writes yyyy-MM-ddTHH:mm:ss (sometimes with milliseconds) or a bare date; kept in ISO form. */
    private static String timestamp(CSVRecord r, int index, String column) throws InvalidLineException {
        String v = value(r, index);
        if (v == null) {
            return null;
        }
        try {
            return (v.length() == 10 ? LocalDate.parse(v).atStartOfDay() : LocalDateTime.parse(v)).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidLineException(column + " « " + v + " » n'est pas une date.");
        }
    }
}
