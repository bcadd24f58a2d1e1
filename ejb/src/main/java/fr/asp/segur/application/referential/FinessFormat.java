package fr.asp.segur.application.referential;

import fr.asp.segur.domain.model.Finess;
import fr.asp.segur.domain.model.InvalidValueException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The FINESS directory's two open-data formats mapped to {@code finess_establishment}; the one place that
 * knows them, used by the {@code finess-sync} job and the sample loader. The format is told by the file's
 * first bytes: <code>{</code> is the JSON feed, anything else the historical extraction.
 * <ul>
 * <li><b>Historical extraction</b> ("extraction du fichier des établissements", data.gouv.fr): no header,
 * {@code ;}-separated, Latin-1 (read as windows-1252, its superset, which the published file really uses),
 * a first comment line, then lines {@code structureet;…} of 32 fields (field order: see the sample README),
 * then {@code geolocalisation;…} lines, which are passed over. It lists open sites (ET) only.</li>
 * <li><b>JSON feed</b> ("flux Structures", schema v1 of ansforge/finess): an object whose {@code pmej} array
 * holds the legal entities (EJ), each with its sites in {@code ege}; {@code etatObjet} "A" is active,
 * anything else closed; {@code dateDerniereMaj} dates the object. Read with JSON-P's streaming parser, one
 * legal entity at a time: memory holds one EJ and its sites, never the file.</li>
 * </ul>
 * A unit of the file (for checkpoints) is a line of the extraction, an EJ or ET object of the feed. The
 * row's {@code last_processed_at} is FINESS's own date of last update ({@code maj}, {@code dateDerniereMaj}),
 * so that an older file never undoes a newer one.
 */
public final class FinessFormat {

    public static final String SOURCE_PROPERTY = "segur.finess.source";
    public static final String SAMPLE = "sample/finess-etablissements.csv";
    public static final String SAMPLE_JSON = "sample/finess-structures.json";
    public static final ReferentialRows.Table TABLE = new ReferentialRows.Table("finess_establishment", "finess",
            List.of("finess", "kind", "finess_ej", "siret", "name", "long_name", "category_code", "category",
                    "postal_code", "city", "closed", "last_processed_at"),
            List.of("closed"), List.of("last_processed_at"));

    static final int STRUCTUREET_FIELDS = 32;
    static final Charset LATIN_1 = Charset.forName("windows-1252");
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Labels of the FINESS categories a Ségur funding call names (nomenclature TRE-R66, which the JSON feed's
     * {@code categorieentiteGeographiqueExercice} also uses), for the feed, which carries the code only;
     * the historical extraction carries its own label.
     */
    static final Map<String, String> CATEGORY_LABELS = Map.ofEntries(
            Map.entry("101", "Centre Hospitalier Régional (C.H.R.)"),
            Map.entry("106", "Centre hospitalier, ex Hôpital local"),
            Map.entry("124", "Centre de Santé"),
            Map.entry("355", "Centre Hospitalier (C.H.)"),
            Map.entry("365", "Etablissement de Soins Pluridisciplinaire"),
            Map.entry("500", "Etablissement d'hébergement pour personnes âgées dépendantes"),
            Map.entry("611", "Laboratoire de Biologie Médicale"),
            Map.entry("620", "Pharmacie d'Officine"));

    private FinessFormat() {
    }

    /** Opens the FINESS file: the location, else {@code -Dsegur.finess.source}, else the sample; null when none applies. */
    public static ReferentialRows open(String location) throws IOException {
        CountedInput in = CountedInput.open(location, SOURCE_PROPERTY, SAMPLE);
        return in == null ? null : open(in);
    }

    /** Reads a FINESS file of either format from a stream (tests, the sample loader). */
    public static ReferentialRows read(InputStream stream) throws IOException {
        return open(CountedInput.of(stream, -1));
    }

    private static ReferentialRows open(CountedInput in) throws IOException {
        try {
            return isJson(in.peek(64)) ? new JsonRows(in) : new ExtractionRows(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static boolean isJson(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && head[i] == '{';
    }

    /** Maps one {@code structureet} line (fields split on {@code ;}); the reason in French when unusable. */
    static String[] structureEt(String[] f) throws InvalidLineException {
        if (f.length != STRUCTUREET_FIELDS) {
            throw new InvalidLineException(f.length + " champs au lieu de " + STRUCTUREET_FIELDS + ".");
        }
        String finess = finess(f[1], "nofinesset");
        String ej = blank(f[2]) ? null : finess(f[2], "nofinessej");
        String shortName = text(f[3], "rs");
        String longName = text(f[4], "rslongue");
        if (shortName == null && longName == null) {
            throw new InvalidLineException("raison sociale (rs) absente.");
        }
        String[] postalAndCity = postalCodeAndCity(text(f[15], "ligneacheminement"));
        String maj = date(f[30], "maj");
        return new String[] {finess, "ET", ej, siret(f[22]), shortName != null ? shortName : longName, longName,
            code(f[18], "categetab"), text(f[19], "libcategetab"), postalAndCity[0], postalAndCity[1], "false", maj};
    }

    /** A legal entity of the JSON feed ({@code pmej[]} element). */
    static String[] legalEntity(JsonObject pmej) throws InvalidLineException {
        JsonObject info = object(pmej, "informationsGeneralesPMEJ");
        String finess = finess(string(info, "numFinessPm"), "numFinessPm");
        String shortName = text(string(info, "denominationPm"), "denominationPm");
        String longName = text(string(info, "denominationLonguePmSmsse"), "denominationLonguePmSmsse");
        if (shortName == null && longName == null) {
            throw new InvalidLineException("dénomination (denominationPm) absente.");
        }
        String[] address = address(pmej);
        return new String[] {finess, "EJ", finess, null, shortName != null ? shortName : longName, longName,
            code(string(info, "statutJuridique"), "statutJuridique"), null, address[0], address[1],
            closed(pmej), jsonTime(pmej)};
    }

    /** A site of the JSON feed ({@code ege[]} element of its legal entity). */
    static String[] site(JsonObject ege, String legalEntity) throws InvalidLineException {
        JsonObject info = object(ege, "informationsGeneralesEGE");
        String finess = finess(string(info, "numFinessEge"), "numFinessEge");
        String shortName = text(string(info, "nomEgeCourt"), "nomEgeCourt");
        String longName = text(string(info, "nomEgeLong"), "nomEgeLong");
        if (shortName == null && longName == null) {
            throw new InvalidLineException("nom (nomEgeCourt) absent.");
        }
        String category = code(string(ege, "categorieentiteGeographiqueExercice"), "categorieentiteGeographiqueExercice");
        String[] address = address(ege);
        return new String[] {finess, "ET", legalEntity, siret(string(info, "siret")),
            shortName != null ? shortName : longName, longName, category,
            category == null ? null : CATEGORY_LABELS.get(category), address[0], address[1], closed(ege), jsonTime(ege)};
    }

    private static String closed(JsonObject o) throws InvalidLineException {
        String state = string(o, "etatObjet");
        if (state == null) {
            throw new InvalidLineException("etatObjet absent.");
        }
        return String.valueOf(!"A".equals(state));
    }

    private static String jsonTime(JsonObject o) throws InvalidLineException {
        String v = string(o, "dateDerniereMaj");
        if (v == null) {
            throw new InvalidLineException("dateDerniereMaj absente.");
        }
        try {
            return (v.length() == 10 ? LocalDate.parse(v).atStartOfDay() : LocalDateTime.parse(v, JSON_TIME)).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidLineException("dateDerniereMaj « " + v + " » n'est pas une date.");
        }
    }

    /** The first address given (the feed lists the postal address first); postal code and city. */
    private static String[] address(JsonObject o) throws InvalidLineException {
        JsonValue addresses = o.get("adresse");
        if (addresses instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonObject first) {
            String postal = string(first, "codePostal");
            return new String[] {postal != null && POSTAL_CODE.matcher(postal).matches() ? postal : null,
                text(string(first, "ligneAcheminement"), "ligneAcheminement")};
        }
        return new String[] {null, null};
    }

    private static JsonObject object(JsonObject o, String name) throws InvalidLineException {
        if (o.get(name) instanceof JsonObject inner) {
            return inner;
        }
        throw new InvalidLineException(name + " absent.");
    }

    /** A string member, trimmed (the feed pads some values with spaces), null when absent or empty. */
    private static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString().trim() : null;
    }

    /** "01440 VIRIAT" → 01440, VIRIAT; a line without a postal code is all city. */
    static String[] postalCodeAndCity(String line) {
        if (line == null) {
            return new String[] {null, null};
        }
        int space = line.indexOf(' ');
        if (space == 5 && POSTAL_CODE.matcher(line.substring(0, 5)).matches()) {
            return new String[] {line.substring(0, 5), line.substring(6).trim()};
        }
        return new String[] {null, line};
    }

    private static String finess(String raw, String field) throws InvalidLineException {
        try {
            return new Finess(raw == null ? null : raw.trim()).value();
        } catch (InvalidValueException e) {
            throw new InvalidLineException(field + " « " + (raw == null ? "" : raw.trim()) + " » : " + e.getMessage());
        }
    }

    /** FINESS's SIRET is informative and sometimes malformed: such a value is dropped, the site kept. */
    private static String siret(String raw) {
        String v = raw == null ? "" : raw.trim();
        return SIRET.matcher(v).matches() ? v : null;
    }

    private static String code(String raw, String field) throws InvalidLineException {
        String v = blank(raw) ? null : raw.trim();
        if (v != null && v.length() > 8) {
            throw new InvalidLineException(field + " « " + v + " » trop long (8 caractères au plus).");
        }
        return v;
    }

    private static String text(String raw, String field) throws InvalidLineException {
        String v = blank(raw) ? null : raw.trim();
        if (v != null && v.length() > 255) {
            throw new InvalidLineException(field + " trop long (plus de 255 caractères).");
        }
        return v;
    }

    private static String date(String raw, String field) throws InvalidLineException {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim()).atStartOfDay().toString();
        } catch (DateTimeParseException e) {
            throw new InvalidLineException(field + " « " + raw.trim() + " » n'est pas une date (AAAA-MM-JJ).");
        }
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    /** A line or object that cannot be used, with the reason in French (the administrators read it). */
    public static class InvalidLineException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidLineException(String reason) {
            super(reason);
        }
    }

    /** The historical extraction: one unit per line. */
    private static final class ExtractionRows implements ReferentialRows {
        private final CountedInput in;
        private final BufferedReader reader;
        private long lines;

        ExtractionRows(CountedInput in) {
            this.in = in;
            this.reader = new BufferedReader(new InputStreamReader(in, LATIN_1), 1 << 16);
        }

        @Override
        public Item next() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (line.startsWith("structureet;")) {
                    try {
                        return Item.valid(lines, structureEt(line.split(";", -1)));
                    } catch (InvalidLineException e) {
                        return Item.invalid(lines, e.getMessage(), line);
                    }
                }
                if (line.isBlank() || line.startsWith("geolocalisation;") || (lines == 1 && !line.contains("structureet"))) {
                    continue; // the comment line, the coordinates section, blank lines: nothing to store
                }
                int semicolon = line.indexOf(';');
                String section = semicolon < 0 ? line : line.substring(0, semicolon);
                return Item.invalid(lines, "section « " + (section.length() > 40 ? section.substring(0, 40) + "…" : section)
                        + " » inconnue (structureet ou geolocalisation attendue).", line);
            }
            return null;
        }

        @Override
        public long consumed() {
            return lines;
        }

        @Override
        public void skip(long units) throws IOException {
            while (lines < units && reader.readLine() != null) {
                lines++;
            }
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

    /** The JSON feed: one unit per legal entity or site object, read one legal entity at a time. */
    private static final class JsonRows implements ReferentialRows {
        private final CountedInput in;
        private final JsonParser parser;
        private final Deque<Item> pending = new ArrayDeque<>();
        private boolean inPmej;
        private boolean ended;
        private long units;

        JsonRows(CountedInput in) {
            this.in = in;
            this.parser = Json.createParser(in);
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalArgumentException("Flux FINESS JSON : un objet est attendu au début du fichier.");
            }
        }

        @Override
        public Item next() {
            if (pending.isEmpty() && !ended) {
                readLegalEntity();
            }
            Item item = pending.poll();
            if (item != null) {
                units++;
            }
            return item;
        }

        /** Moves to the next element of {@code pmej} and queues its EJ and ET items. */
        private void readLegalEntity() {
            while (!inPmej) {
                JsonParser.Event event = parser.hasNext() ? parser.next() : JsonParser.Event.END_OBJECT;
                if (event == JsonParser.Event.END_OBJECT) {
                    ended = true;
                    return;
                }
                if (event == JsonParser.Event.KEY_NAME) {
                    String key = parser.getString();
                    JsonParser.Event value = parser.next();
                    if (key.equals("pmej") && value == JsonParser.Event.START_ARRAY) {
                        inPmej = true;
                    } else if (value == JsonParser.Event.START_ARRAY) {
                        parser.skipArray(); // gcc, gco: groups of entities, not clients
                    } else if (value == JsonParser.Event.START_OBJECT) {
                        parser.skipObject();
                    }
                }
            }
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                inPmej = false;
                readLegalEntity();
                return;
            }
            long line = parser.getLocation().getLineNumber();
            if (event != JsonParser.Event.START_OBJECT) {
                if (event == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                }
                pending.add(Item.invalid(line, "élément de pmej qui n'est pas un objet.", null));
                return;
            }
            JsonObject pmej = parser.getObject();
            String legalEntity = null;
            try {
                String[] row = legalEntity(pmej);
                legalEntity = row[0];
                pending.add(Item.valid(line, row));
            } catch (InvalidLineException e) {
                pending.add(Item.invalid(line, "entité juridique : " + e.getMessage(), shorten(pmej)));
            }
            if (pmej.get("ege") instanceof JsonArray sites) {
                for (JsonValue site : sites) {
                    if (site instanceof JsonObject ege) {
                        try {
                            pending.add(Item.valid(line, site(ege, legalEntity)));
                        } catch (InvalidLineException e) {
                            pending.add(Item.invalid(line, "établissement de l'entité juridique "
                                    + (legalEntity == null ? "" : legalEntity + " ") + ": " + e.getMessage(), shorten(ege)));
                        }
                    }
                }
            }
        }

        private static String shorten(JsonObject o) {
            JsonValue info = o.containsKey("informationsGeneralesEGE") ? o.get("informationsGeneralesEGE")
                    : o.get("informationsGeneralesPMEJ");
            return String.valueOf(info != null ? info : o);
        }

        @Override
        public long consumed() {
            return units;
        }

        @Override
        public void skip(long count) {
            while (units < count && next() != null) {
                // passed over
            }
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
            parser.close();
            in.close();
        }
    }
}
