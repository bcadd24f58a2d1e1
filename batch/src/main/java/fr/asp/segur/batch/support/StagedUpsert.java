package fr.asp.segur.batch.support;

import fr.asp.segur.application.referential.ReferentialTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Upserts mapped referential rows ({@link ReferentialTable}: SIRENE, FINESS, RPPS) into their table, idempotently:
 * <ul>
 * <li>a row is updated only when a column differs, and never by an older version of itself (its
 * {@code last_processed_at}, the source's own date such as INSEE's dateDernierTraitement, is older than the stored one): running a
 * file twice, or a chunk again after a crash, changes nothing; a stale file cannot undo a newer one;</li>
 * <li>rows absent from the file are left alone (a full stock never deletes: requests refer to them;
 * a closed establishment arrives as state F and is stored closed);</li>
 * <li>the same key twice in one chunk: the later line wins.</li>
 * </ul>
 * PostgreSQL: COPY (text format) into a temporary table that empties itself at commit, then one
 * {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE ... WHERE}. Other databases: a JDBC batch of
 * standard {@code MERGE} statements.
 */
public final class StagedUpsert {

    private final ReferentialTable format;
    private final String stage;
    private final String createStage;
    private final String copy;
    private final String copyDirect;
    private final String anyRow;
    private final String upsert;
    private final String merge;

    public StagedUpsert(ReferentialTable format) {
        this.format = format;
        List<String> columns = format.columns();
        String table = format.table();
        String key = format.key();
        String list = String.join(", ", columns);
        stage = table + "_stage";
        createStage = "CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (line_no BIGINT, LIKE " + table
                + ") ON COMMIT DELETE ROWS";
        copy = "COPY " + stage + " (line_no, " + list + ") FROM STDIN";
        copyDirect = "COPY " + table + " (" + list + ") FROM STDIN";
        anyRow = "SELECT 1 FROM " + table + " LIMIT 1";
        List<String> updated = columns.stream().filter(c -> !c.equals(key)).toList();
        String changes = updated.stream().map(c -> "t." + c + " IS DISTINCT FROM %s." + c)
                .collect(Collectors.joining(" OR "));
        String notOlder = "(t.last_processed_at IS NULL OR %s.last_processed_at IS NULL"
                + " OR %s.last_processed_at >= t.last_processed_at)";
        upsert = "INSERT INTO " + table + " AS t (" + list + ") SELECT DISTINCT ON (" + key + ") " + list
                + " FROM " + stage + " ORDER BY " + key + ", line_no DESC ON CONFLICT (" + key + ") DO UPDATE SET "
                + updated.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
                + " WHERE " + notOlder.formatted("excluded", "excluded") + " AND (" + changes.formatted(
                        updated.stream().map(c -> "excluded").toArray()) + ")";
        // Typed parameters: H2 cannot compare an untyped VALUES column with a BOOLEAN or TIMESTAMP one.
        merge = "MERGE INTO " + table + " t USING (VALUES (" + IntStream.range(0, columns.size())
                .mapToObj(i -> format.isBoolean(i) ? "CAST(? AS BOOLEAN)" : format.isTimestamp(i)
                        ? "CAST(? AS TIMESTAMP)" : "CAST(? AS VARCHAR(255))")
                .collect(Collectors.joining(", ")) + ")) s (" + list + ") ON t." + key + " = s." + key
                + " WHEN MATCHED AND " + notOlder.formatted("s", "s") + " AND (" + changes.formatted(
                        updated.stream().map(c -> "s").toArray()) + ") THEN UPDATE SET "
                + updated.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                + " WHEN NOT MATCHED THEN INSERT (" + list + ") VALUES ("
                + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }

    /** Writes the rows in the caller's transaction; returns how many rows were inserted or updated. */
    public int write(Connection c, List<String[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        if (c.isWrapperFor(PGConnection.class)) {
            return copyThenUpsert(c, rows);
        }
        return mergeBatch(c, rows);
    }

    /**
     * Whether the initial-load shortcut applies: PostgreSQL and an empty table. The caller decides at the
     * start of a fresh step only (never on a restart, when rows of a replayed chunk may already be there).
     */
    public boolean canLoadDirectly(Connection c) throws SQLException {
        if (!c.isWrapperFor(PGConnection.class)) {
            return false;
        }
        try (Statement s = c.createStatement(); var rs = s.executeQuery(anyRow)) {
            return !rs.next();
        }
    }

    /**
     * Initial load into an empty table: COPY straight into it, no staging and no upsert. A key twice in
     * the file fails the chunk (and the step); its restart goes through {@link #write}, which takes the later line.
     */
    public int writeDirectly(Connection c, List<String[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        copy(c, copyDirect, rows, false);
        return rows.size();
    }

    private int copyThenUpsert(Connection c, List<String[]> rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(createStage);
        }
        copy(c, copy, rows, true);
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(upsert);
        }
    }

    private static void copy(Connection c, String sql, List<String[]> rows, boolean numbered) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
            StringBuilder line = new StringBuilder(512);
            long lineNo = 0;
            for (String[] row : rows) {
                line.setLength(0);
                if (numbered) {
                    line.append(lineNo++).append('\t');
                }
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    appendCopyText(line, row[i]);
                }
                line.append('\n');
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                buffer.write(bytes, 0, bytes.length);
                if (buffer.size() >= 1 << 16) {
                    in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
    private static void appendCopyText(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    private int mergeBatch(Connection c, List<String[]> rows) throws SQLException {
        int changed = 0;
        try (PreparedStatement ps = c.prepareStatement(merge)) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (format.isTimestamp(i)) {
                        if (row[i] == null) {
                            ps.setNull(i + 1, Types.TIMESTAMP);
                        } else {
                            ps.setTimestamp(i + 1, Timestamp.valueOf(LocalDateTime.parse(row[i])));
                        }
                    } else if (format.isBoolean(i)) {
                        ps.setBoolean(i + 1, Boolean.parseBoolean(row[i]));
                    } else if (row[i] == null) {
                        ps.setNull(i + 1, Types.VARCHAR);
                    } else {
                        ps.setString(i + 1, row[i]);
                    }
                }
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                changed += Math.max(n, 0);
            }
        }
        return changed;
    }
}
