package fr.asp.segur.batch.clients;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.application.referential.FinessFormat;
import fr.asp.segur.application.referential.ReferentialRows;
import fr.asp.segur.application.referential.RppsFormat;
import fr.asp.segur.batch.support.StagedUpsert;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The FINESS and RPPS rows through the portable upsert (standard MERGE) on H2 in the embedded demo's mode,
 * on the tables of the real migration; the PostgreSQL path (COPY) runs in ClientReferentialJobsIT.
 */
class ClientReferentialUpsertTest {

    private static Connection h2() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:clients" + System.nanoTime() + ";MODE=LEGACY;DATABASE_TO_LOWER=TRUE");
        String script;
        try (InputStream in = resource("db/migration/V25__client_referentials.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = c.createStatement()) {
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        return c;
    }

    private static InputStream resource(String name) {
        return ClientReferentialUpsertTest.class.getClassLoader().getResourceAsStream(name);
    }

    private static List<String[]> rows(ReferentialRows file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (file) {
            for (ReferentialRows.Item item = file.next(); item != null; item = file.next()) {
                assertThat(item.isValid()).as(item.reason()).isTrue();
                rows.add(item.row());
            }
        }
        return rows;
    }

    private static String text(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void finessRowsOfBothFormatsAreMergedOnceAndNeverUndoneByAnOlderFile() throws Exception {
        StagedUpsert upsert = new StagedUpsert(FinessFormat.TABLE);
        try (Connection c = h2()) {
            List<String[]> extraction = rows(FinessFormat.read(resource(FinessFormat.SAMPLE)));
            List<String[]> feed = rows(FinessFormat.read(resource(FinessFormat.SAMPLE_JSON)));

            assertThat(upsert.write(c, extraction)).isEqualTo(23);
            assertThat(upsert.write(c, feed)).isEqualTo(5);
            assertThat(upsert.write(c, extraction)).as("the same extraction again").isZero();
            assertThat(upsert.write(c, feed)).as("the same feed again").isZero();
            assertThat(text(c, "select count(*) from finess_establishment")).isEqualTo("28");
            assertThat(text(c, "select closed from finess_establishment where finess = '690009998'")).isEqualTo("TRUE");
            assertThat(text(c, "select kind || ' ' || name from finess_establishment where finess = '750001109'"))
                    .isEqualTo("EJ SELARL DU MARCHE");

            String older = FinessFormatLines.extraction("750001075", "2020-01-01", "ANCIEN NOM");
            List<String[]> stale = rows(FinessFormat.read(new ByteArrayInputStream(older.getBytes(StandardCharsets.ISO_8859_1))));
            assertThat(upsert.write(c, stale)).as("an older extraction never undoes a newer one").isZero();
            String newer = FinessFormatLines.extraction("750001075", "2026-12-02", "PHARMACIE DU MARCHÉ");
            assertThat(upsert.write(c, rows(FinessFormat.read(new ByteArrayInputStream(newer.getBytes(StandardCharsets.ISO_8859_1))))))
                    .isEqualTo(1);
            assertThat(text(c, "select name from finess_establishment where finess = '750001075'")).isEqualTo("PHARMACIE DU MARCHÉ");
        }
    }

    @Test
    void rppsRowsAreMergedOnceAndALaterFileWins() throws Exception {
        StagedUpsert upsert = new StagedUpsert(RppsFormat.TABLE);
        try (Connection c = h2()) {
            List<String[]> sample = rows(RppsFormat.read(resource(RppsFormat.SAMPLE)));

            assertThat(upsert.write(c, sample)).isEqualTo(38);
            assertThat(upsert.write(c, sample)).as("the same file again").isZero();
            sample.get(0)[7] = "Paris";
            assertThat(upsert.write(c, sample)).isEqualTo(1);
            assertThat(text(c, "select city from rpps_professional where rpps = '10003100111'")).isEqualTo("Paris");
        }
    }

    /** A structureet line of the historical extraction. */
    static final class FinessFormatLines {
        static String extraction(String finess, String maj, String name) {
            return "structureet;" + finess + ";750001109;" + name + ";" + name + " PARIS;;;12;R;DE LA REPUBLIQUE;;;056;75;"
                    + "PARIS;75011 PARIS;0204664759;;620;Pharmacie d'Officine;3301;Pharmacies d'Officine;68346179200015;"
                    + "4773Z;01;Tarif libre;0;Non concerné;1970-01-10;1970-01-10;" + maj + ";\r\n";
        }
    }
}
