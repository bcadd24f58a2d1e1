package fr.asp.segur.application.referential;

import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.Rpps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The RPPS directory's open-data extraction ("Annuaire santé, extractions en libre accès", file
 * {@code ps-libreacces-personne-activite.txt}) mapped to {@code rpps_professional}; used by the
 * {@code rpps-sync} job and the sample loader.
 * <p>
 * The file is UTF-8, {@code |}-separated without quoting, every line (the header included) ending with a
 * {@code |}; columns are found by their header name (the ANS renames and drops columns between versions:
 * the savoir-faire columns moved to a file of their own in recent extractions, so they are optional). It
 * has one line per activity: the lines of one professional follow each other, and are merged into one
 * row, the first activity with a postal code giving the address (else the first). Lines whose
 * "Type d'identifiant PP" is not 8 (0 = an ADELI number, professions not yet in the RPPS) are passed over.
 * A unit of the file (for checkpoints) is a line after the header.
 * <p>
 * The directory carries no date per line: {@code last_processed_at} stays empty and the latest file wins.
 * Skipped lines keep only their three identifier fields: the rest of a line is a person's name and workplace.
 */
public final class RppsFormat {

    public static final String SOURCE_PROPERTY = "segur.rpps.source";
    public static final String SAMPLE = "sample/ps-libreacces-personne-activite.txt";
    public static final ReferentialRows.Table TABLE = new ReferentialRows.Table("rpps_professional", "rpps",
            List.of("rpps", "last_name", "first_name", "profession_code", "profession", "specialty", "postal_code",
                    "city", "last_processed_at"),
            List.of(), List.of("last_processed_at"));

    static final String TYPE = "Type d'identifiant PP";
    static final String ID = "Identifiant PP";
    static final String LAST_NAME = "Nom d'exercice";
    static final String FIRST_NAME = "Prénom d'exercice";
    static final String PROFESSION_CODE = "Code profession";
    static final String PROFESSION = "Libellé profession";
    static final String SPECIALTY = "Libellé savoir-faire";
    static final String POSTAL_CODE = "Code postal (coord. structure)";
    static final String CITY = "Libellé commune (coord. structure)";
    static final String CEDEX = "Bureau cedex (coord. structure)";
    private static final List<String> REQUIRED = List.of(TYPE, ID, LAST_NAME, FIRST_NAME, PROFESSION_CODE, PROFESSION,
            POSTAL_CODE, CITY);

    private RppsFormat() {
    }

    /** Opens the RPPS file: the location, else {@code -Dsegur.rpps.source}, else the sample; null when none applies. */
    public static ReferentialRows open(String location) throws IOException {
        CountedInput in = CountedInput.open(location, SOURCE_PROPERTY, SAMPLE);
        return in == null ? null : new Rows(in);
    }

    /** Reads an RPPS file from a stream (tests, the sample loader). */
    public static ReferentialRows read(InputStream stream) throws IOException {
        return new Rows(CountedInput.of(stream, -1));
    }

    /** Column positions, found once from the header. */
    static final class Columns {
        final int width;
        final int type;
        final int id;
        final int lastName;
        final int firstName;
        final int professionCode;
        final int profession;
        final int specialty;
        final int postalCode;
        final int city;
        final int cedex;

        Columns(String header) {
            List<String> names = Arrays.asList(header.startsWith("\uFEFF") ? header.substring(1).split("\\|", -1)
                    : header.split("\\|", -1));
            for (String required : REQUIRED) {
                if (!names.contains(required)) {
                    throw new IllegalArgumentException("Fichier RPPS : colonne « " + required + " » absente de l'en-tête.");
                }
            }
            width = names.size();
            type = names.indexOf(TYPE);
            id = names.indexOf(ID);
            lastName = names.indexOf(LAST_NAME);
            firstName = names.indexOf(FIRST_NAME);
            professionCode = names.indexOf(PROFESSION_CODE);
            profession = names.indexOf(PROFESSION);
            specialty = names.indexOf(SPECIALTY);
            postalCode = names.indexOf(POSTAL_CODE);
            city = names.indexOf(CITY);
            cedex = names.indexOf(CEDEX);
        }
    }

    /** One line: its row, or why it is unusable, or null when it is not an RPPS line (ADELI). */
    static String[] row(Columns c, String[] f) throws FinessFormat.InvalidLineException {
        if (f.length != c.width) {
            throw new FinessFormat.InvalidLineException(f.length + " colonnes au lieu de " + c.width + ".");
        }
        if (!"8".equals(f[c.type].trim())) {
            return null;
        }
        String id = f[c.id].trim();
        try {
            new Rpps(id);
        } catch (InvalidValueException e) {
            throw new FinessFormat.InvalidLineException("Identifiant PP « " + id + " » : " + e.getMessage());
        }
        String lastName = text(f[c.lastName], LAST_NAME, 255);
        if (lastName == null) {
            throw new FinessFormat.InvalidLineException("nom d'exercice absent.");
        }
        String postalCode = text(f[c.postalCode], POSTAL_CODE, 8);
        String city = text(f[c.city], CITY, 255);
        if (city == null && c.cedex >= 0) {
            // Some activities only have the "Bureau cedex" line, "75015 PARIS": its city part.
            String[] cedex = FinessFormat.postalCodeAndCity(text(f[c.cedex], CEDEX, 255));
            city = cedex[1];
            postalCode = postalCode != null ? postalCode : cedex[0];
        }
        return new String[] {id, lastName, text(f[c.firstName], FIRST_NAME, 255),
            text(f[c.professionCode], PROFESSION_CODE, 8), text(f[c.profession], PROFESSION, 255),
            c.specialty >= 0 ? text(f[c.specialty], SPECIALTY, 255) : null, postalCode, city, null};
    }

    private static String text(String raw, String column, int max) throws FinessFormat.InvalidLineException {
        String v = raw == null || raw.isBlank() ? null : raw.trim();
        if (v != null && v.length() > max) {
            throw new FinessFormat.InvalidLineException(column + " trop long (plus de " + max + " caractères).");
        }
        return v;
    }

    /** Only the identifier fields of a line (Type, Identifiant, Identification nationale): no name, no workplace. */
    static String identifiers(String line) {
        int cut = -1;
        for (int i = 0; i < 3; i++) {
            cut = line.indexOf('|', cut + 1);
            if (cut < 0) {
                return line.length() > 40 ? line.substring(0, 40) : line;
            }
        }
        return line.substring(0, cut) + "|…";
    }

    private static final class Rows implements ReferentialRows {
        private final CountedInput in;
        private final BufferedReader reader;
        private final Columns columns;
        /** Lines read after the header. */
        private long read;
        /** Lines up to the end of the last item returned. */
        private long consumed;
        private Parsed pending;

        Rows(CountedInput in) throws IOException {
            this.in = in;
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException("Fichier RPPS vide : l'en-tête est attendu en ligne 1.");
            }
            this.columns = new Columns(header);
        }

        private record Parsed(long unit, String[] row, String reason, String content) {
        }

        /** The next line that is an RPPS line or an unusable one; ADELI lines are passed over. */
        private Parsed read() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                read++;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    String[] row = row(columns, line.split("\\|", -1));
                    if (row != null) {
                        return new Parsed(read, row, null, null);
                    }
                } catch (FinessFormat.InvalidLineException e) {
                    return new Parsed(read, null, e.getMessage(), identifiers(line));
                }
            }
            return null;
        }

        @Override
        public Item next() throws IOException {
            Parsed first = pending != null ? pending : read();
            pending = null;
            if (first == null) {
                consumed = read;
                return null;
            }
            if (first.row == null) {
                consumed = first.unit;
                return Item.invalid(first.unit + 1, first.reason, first.content);
            }
            String[] chosen = first.row;
            long last = first.unit;
            Parsed next;
            while ((next = read()) != null && next.row != null && next.row[0].equals(first.row[0])) {
                last = next.unit;
                if (chosen[6] == null && next.row[6] != null) {
                    chosen = next.row;
                }
            }
            pending = next;
            consumed = last;
            return Item.valid(first.unit + 1, chosen);
        }

        @Override
        public long consumed() {
            return consumed;
        }

        @Override
        public void skip(long units) throws IOException {
            while (read < units && reader.readLine() != null) {
                read++;
            }
            consumed = read;
        }

        @Override
        public long bytesRead() {
            return in.count();
        }

        @Override
        public long size() {
            return in.size();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
