package fr.asp.segur.batch.sirene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asp.segur.application.referential.SireneFormat;
import fr.asp.segur.batch.support.StagedUpsert;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIRENE mapping and the portable upsert (standard MERGE) on H2 in the embedded demo's mode; the
 * PostgreSQL path (COPY) runs in the system tests.
 */
class SireneUpsertTest {

    static final String HEADER = "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,"
            + "trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,"
            + "dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,"
            + "complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,"
            + "dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,"
            + "libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,"
            + "libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,"
            + "codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,"
            + "libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,"
            + "coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,"
            + "indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,"
            + "libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,"
            + "codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,"
            + "codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,"
            + "etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,"
            + "denominationUsuelleEtablissement,activitePrincipaleEtablissement,"
            + "nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement,"
            + "activitePrincipaleNAF25Etablissement";

    /** KALINKA's line of the supplier guide, with the given state, sign and processing date. */
    static String line(String state, String sign, String processed) {
        return "811207059,00015,81120705900015,O,2015-04-01,03,2022,," + processed + ",true,3,,23,,,,PL,THIARS,"
                + "13001,MARSEILLE 01,,,13201,,,,,,,,,,,,,,,,,,,,,,2015-04-01," + state + ",\"" + sign.replace("\"", "\"\"") + "\",,,,62.01Z,NAFRev2,O,";
    }

    private static Path zip(Path dir, String... lines) throws Exception {
        Path file = dir.resolve("StockEtablissement_utf8.zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("StockEtablissement_utf8.csv"));
            zip.write((HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static List<String[]> read(Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (SireneInput in = SireneInput.open(file.toString())) {
            SireneFormat.Mapper mapper = SireneFormat.ESTABLISHMENTS.mapper(in.header());
            for (Iterator<CSVRecord> it = in.records(); it.hasNext(); ) {
                rows.add(mapper.row(it.next()));
            }
            assertThat(in.bytesRead()).isEqualTo(Files.size(file));
        }
        return rows;
    }

    private static Connection h2() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:sirene" + System.nanoTime()
                + ";MODE=LEGACY;DATABASE_TO_LOWER=TRUE");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sirene_establishment (siret VARCHAR(14) PRIMARY KEY, siren VARCHAR(9) NOT NULL,"
                    + " head_office BOOLEAN NOT NULL, address_complement VARCHAR(255), street_number VARCHAR(8),"
                    + " repetition_index VARCHAR(4), street_type VARCHAR(8), street_name VARCHAR(255),"
                    + " postal_code VARCHAR(8), city VARCHAR(255), state CHAR(1) NOT NULL, sign_name VARCHAR(255),"
                    + " usual_name VARCHAR(255), last_processed_at TIMESTAMP)");
        }
        return c;
    }

    private static String stored(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, sign_name, last_processed_at FROM sirene_establishment")) {
            rs.next();
            return rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getTimestamp(3).toLocalDateTime();
        }
    }

    @Test
    void readsTheCsvStraightFromTheZipByHeaderName(@TempDir Path dir) throws Exception {
        List<String[]> rows = read(zip(dir, line("A", "KALINKA, \"LA\" SOCIETE", "2025-06-30T10:15:00")));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("81120705900015", "811207059", "true", null, "23", null, "PL",
                "THIARS", "13001", "MARSEILLE 01", "A", "KALINKA, \"LA\" SOCIETE", null, "2025-06-30T10:15");
    }

    @Test
    void refusesBadLinesWithAReason(@TempDir Path dir) throws Exception {
        Path file = zip(dir, line("X", "K", "2025-06-30T10:15:00"), line("A", "K", "2025-06-30T10:15:00")
                .replace("81120705900015", "81120705900016"), "811207059,00015,81120705900015");
        try (SireneInput in = SireneInput.open(file.toString())) {
            SireneFormat.Mapper mapper = SireneFormat.ESTABLISHMENTS.mapper(in.header());
            Iterator<CSVRecord> it = in.records();
            assertThatThrownBy(() -> mapper.row(it.next())).hasMessageContaining("état administratif « X » inconnu");
            assertThat(in.lineNumber()).isEqualTo(2);
            assertThatThrownBy(() -> mapper.row(it.next())).hasMessageContaining("clé de contrôle");
            assertThatThrownBy(() -> mapper.row(it.next())).hasMessage("3 colonnes au lieu de 54.");
            assertThat(in.lineNumber()).isEqualTo(4);
        }
    }

    @Test
    void mergeChangesARowOnlyWhenTheFileSaysSomethingNew(@TempDir Path dir) throws Exception {
        StagedUpsert upsert = new StagedUpsert(SireneFormat.ESTABLISHMENTS);
        try (Connection c = h2()) {
            List<String[]> first = read(zip(dir, line("A", "KALINKA", "2025-06-30T10:15:00")));
            assertThat(upsert.write(c, first)).isEqualTo(1);
            assertThat(upsert.write(c, first)).as("the same file again").isZero();

            List<String[]> closed = read(zip(dir, line("F", "KALINKA", "2025-07-02T08:00:00")));
            assertThat(upsert.write(c, closed)).isEqualTo(1);
            assertThat(stored(c)).isEqualTo("F|KALINKA|2025-07-02T08:00");

            List<String[]> stale = read(zip(dir, line("A", "ANCIEN NOM", "2025-06-01T00:00:00")));
            assertThat(upsert.write(c, stale)).as("an older file never undoes a newer one").isZero();
            assertThat(stored(c)).isEqualTo("F|KALINKA|2025-07-02T08:00");
        }
    }
}
