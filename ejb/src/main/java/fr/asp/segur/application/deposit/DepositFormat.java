package fr.asp.segur.application.deposit;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk deposit file format ("dépôt de demandes de financement", version 1): reads a file, checks
 * it against its published JSON Schema (draft 2020-12, deposit/depot-financement.schema.json) and
 * places each error at its JSON path and line. The filing rules themselves are not here: they are
 * the funding rules', applied by {@link DepositService} to the lines this format could read.
 */
public final class DepositFormat {

    public static final String SCHEMA_RESOURCE = "deposit/depot-financement.schema.json";
    public static final int MAX_LINES = 20_000;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String SCHEMA_TEXT = readSchema();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .locale(Locale.FRENCH).formatAssertionsEnabled(true).build()))
            .getSchema(SCHEMA_TEXT);

    private DepositFormat() {
    }

    /** The schema as published (served by the portal, copied to docs/). */
    public static String schemaText() {
        return SCHEMA_TEXT;
    }

    public static DepositDocument read(byte[] content) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JacksonException unreadable) {
            TokenStreamLocation where = unreadable.getLocation();
            int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
            int column = where == null ? 0 : Math.max(where.getColumnNr(), 0);
            String message = line > 0
                    ? "Le fichier n'est pas un document JSON valide (ligne " + line + ", colonne " + column + ")."
                    : "Le fichier n'est pas un document JSON valide.";
            return new DepositDocument(null, null, null, null, List.of(), 0, null,
                    List.of(new DepositError("$", line, column, "json", message)), null);
        }
        if (root == null || root.isMissingNode()) {
            return new DepositDocument(null, null, null, null, List.of(), 0, null,
                    List.of(new DepositError("$", 0, 0, "json", "Le fichier est vide.")), null);
        }
        PositionIndex positions = new PositionIndex(content, MAPPER);
        List<DepositError> errors = new ArrayList<>();
        Set<Integer> badLines = new TreeSet<>();
        boolean badHeader = false;
        for (Error error : SCHEMA.validate(root)) {
            NodePath at = error.getInstanceLocation();
            String pointer = pointer(at, error);
            int[] where = positions.at(pointer);
            errors.add(new DepositError(jsonPath(pointer), where[0], where[1], "schema:" + error.getKeyword(),
                    message(error, pointer)));
            Integer line = lineIndex(pointer);
            if (line == null) {
                // Only a bad "appel" makes the call unknown: another header error (an unexpected property,
                // say) is reported and the lines are still judged against the call.
                badHeader |= pointer.startsWith("$.appel");
            } else {
                badLines.add(line);
            }
        }
        JsonNode lignes = root.path("lignes");
        List<DepositLine> lines = new ArrayList<>();
        int lineCount = lignes.isArray() ? lignes.size() : 0;
        if (lignes.isArray()) {
            for (int i = 0; i < lignes.size(); i++) {
                if (badLines.contains(i)) {
                    continue;
                }
                JsonNode l = lignes.get(i);
                lines.add(new DepositLine(i, text(l, "identifiant"), text(l, "nom"), text(l, "tranche"),
                        text(l, "dateSignatureBonDeCommande"), decimal(l.path("montantHt")),
                        text(l.path("bonDeCommande"), "nomFichier"), text(l.path("bonDeCommande"), "contenuBase64")));
            }
        }
        errors.sort(Comparator.comparingInt(DepositError::line).thenComparingInt(DepositError::column));
        JsonNode referencing = root.path("referencement");
        return new DepositDocument(badHeader ? null : text(root, "appel"), text(root, "enrolement"),
                text(referencing, "numero"), text(referencing, "siret"), List.copyOf(lines), lineCount,
                canonicalHash(root), List.copyOf(errors), positions);
    }

    /** Line and column of a value given by its JSON path ("$.lignes[3].nom"). */
    public static int[] position(DepositDocument document, String jsonPath) {
        if (!document.readable()) {
            return new int[] {0, 0};
        }
        return document.positions().at(pointerOf(jsonPath));
    }

    /**
     * The SHA-256 of the file's content in a canonical form (properties sorted, no blanks, numbers
     * without trailing zeros): the same deposit, re-indented or with its properties reordered, is
     * recognised as the same.
     */
    static String canonicalHash(JsonNode root) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder buffer = new StringBuilder();
            canonical(root, buffer, digest);
            digest.update(buffer.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void canonical(JsonNode node, StringBuilder out, MessageDigest digest) {
        if (out.length() > 65_536) {
            digest.update(out.toString().getBytes(StandardCharsets.UTF_8));
            out.setLength(0);
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(MAPPER.writeValueAsString(e.getKey())).append(':');
                canonical(e.getValue(), out, digest);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), out, digest);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.append(MAPPER.writeValueAsString(node));
        }
    }

    private static String pointer(NodePath at, Error error) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < at.getNameCount(); i++) {
            pointer.append('/').append(String.valueOf(at.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static String message(Error error, String pointer) {
        String where = pointer.isEmpty() ? "Le document" : "« " + jsonPath(pointer) + " »";
        String what = error.getMessage();
        String prefix = error.getInstanceLocation().toString() + ": ";
        if (what.startsWith(prefix)) {
            what = what.substring(prefix.length());
        }
        return switch (error.getKeyword()) {
            case "required" -> where + " : la propriété obligatoire « " + error.getProperty() + " » est absente.";
            case "additionalProperties" -> where + " : la propriété « " + error.getProperty()
                    + " » n'est pas prévue par le format.";
            case "oneOf" -> where + " : indiquez soit « enrolement », soit « referencement » (l'un des deux, pas les deux).";
            default -> where + " : " + what + ".";
        };
    }

    static String jsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return path.toString();
        }
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append('.').append(name);
            }
        }
        return path.toString();
    }

    static String pointerOf(String jsonPath) {
        StringBuilder pointer = new StringBuilder();
        String rest = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        for (String part : rest.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }

    private static Integer lineIndex(String pointer) {
        if (!pointer.startsWith("/lignes/")) {
            return null;
        }
        String rest = pointer.substring("/lignes/".length());
        int slash = rest.indexOf('/');
        String index = slash < 0 ? rest : rest.substring(0, slash);
        return index.chars().allMatch(Character::isDigit) && !index.isEmpty() ? Integer.valueOf(index) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static String decimal(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        BigDecimal amount = value.decimalValue();
        return amount.scale() < 0 ? amount.setScale(0).toPlainString() : amount.toPlainString();
    }

    private static String readSchema() {
        try (InputStream in = DepositFormat.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
