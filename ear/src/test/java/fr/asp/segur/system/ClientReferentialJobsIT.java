package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.batch.BatchExecutions;
import fr.asp.segur.application.batch.BatchJobs;
import fr.asp.segur.application.batch.ExecutionSummary;
import fr.asp.segur.application.referential.ClientReferentials;
import fr.asp.segur.application.referential.FinessEstablishmentView;
import fr.asp.segur.application.referential.RppsProfessionalView;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The finess-sync and rpps-sync jobs in the server, on PostgreSQL (COPY + upsert), with files in the
 * directories' formats: bad lines skipped with their number and French reason, a second run that changes
 * nothing, the FINESS JSON feed (legal entities, closed sites, a stale feed that cannot undo a newer one),
 * one row per professional, a stopped import restarted from its checkpoint, and the look-up EJB the funding
 * requests call.
 */
@ExtendWith(ArquillianExtension.class)
class ClientReferentialJobsIT {

    private static final Charset LATIN_1 = Charset.forName("windows-1252");
    private static final String RPPS_HEADER = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|"
            + "Code civilité d'exercice|Libellé civilité exercice|Code civilité|Libellé civilité|Nom d'exercice|"
            + "Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|"
            + "Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|"
            + "Libellé savoir-faire|Code mode exercice|Libellé mode exercice|Numéro SIRET site|Numéro SIREN site|"
            + "Numéro FINESS site|Numéro FINESS établissement juridique|Identifiant technique de la structure|"
            + "Raison sociale site|Enseigne commerciale site|Complément destinataire (coord. structure)|"
            + "Complément point géographique (coord. structure)|Numéro Voie (coord. structure)|"
            + "Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|"
            + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|"
            + "Mention distribution (coord. structure)|Bureau cedex (coord. structure)|"
            + "Code postal (coord. structure)|Code commune (coord. structure)|Libellé commune (coord. structure)|"
            + "Code pays (coord. structure)|Libellé pays (coord. structure)|Téléphone (coord. structure)|"
            + "Téléphone 2 (coord. structure)|Télécopie (coord. structure)|Adresse e-mail (coord. structure)|"
            + "Code département (coord. structure)|Libellé département (coord. structure)|"
            + "Ancien identifiant de la structure|Autorité d'enregistrement|Code secteur d'activité|"
            + "Libellé secteur d'activité|Code section tableau pharmaciens|Libellé section tableau pharmaciens|"
            + "Code fonction|Libellé fonction|Code genre d'activité|Libellé genre d'activité|";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(ClientReferentialJobsIT.class, Fixtures.class, People.class);
    }

    @EJB
    BatchJobs jobs;
    @EJB
    BatchExecutions executions;
    @EJB
    ClientReferentials clients;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    /** Seven digits of this run, so that runs of the test in one database do not meet. */
    private static String run() {
        return String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    static String structureEt(String finess, String ej, String name, String category, String label, String postalCity,
                              String maj) {
        return "structureet;" + finess + ";" + ej + ";" + name + ";" + name + " (NOM LONG);;;12;R;DE LA PAIX;;;056;75;PARIS;"
                + postalCity + ";0102030405;;" + category + ";" + label + ";3301;Pharmacies d'Officine;68346179200015;"
                + "4773Z;01;Tarif libre;0;Non concerné;1970-01-10;1970-01-10;" + maj + ";";
    }

    static String activity(String type, String id, String last, String first, String postal, String city) {
        String[] v = new String[RPPS_HEADER.split("\\|", -1).length];
        java.util.Arrays.fill(v, "");
        v[0] = type;
        v[1] = id;
        v[2] = type + id;
        v[7] = last;
        v[8] = first;
        v[9] = "10";
        v[10] = "Médecin";
        v[15] = "SM54";
        v[16] = "Médecine générale";
        v[35] = postal;
        v[37] = city;
        return String.join("|", v);
    }

    private Path file(String name, byte[] content) throws Exception {
        Path folder = Files.createDirectories(Path.of(People.as(People.ADMIN, () -> jobs.importFolder())));
        return Files.write(Files.createTempFile(folder, name, ".txt"), content);
    }

    private long start(String job, Path source, String chunkSize, String skipLimit) throws Exception {
        Properties p = new Properties();
        p.setProperty("source", source.toString());
        if (chunkSize != null) {
            p.setProperty("chunkSize", chunkSize);
        }
        if (skipLimit != null) {
            p.setProperty("skipLimit", skipLimit);
        }
        return People.as(People.ADMIN, () -> jobs.start(job, p));
    }

    private static BatchStatus await(long executionId) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        BatchStatus status;
        do {
            Thread.sleep(200);
            status = BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
        } while ((status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING)
                && System.currentTimeMillis() < deadline);
        return status;
    }

    private static String exitStatus(long executionId) {
        return BatchRuntime.getJobOperator().getStepExecutions(executionId).stream()
                .filter(s -> s.getStepName().equals("import")).map(StepExecution::getExitStatus).findFirst().orElseThrow();
    }

    private Map<Long, String> skipped(long executionId) throws SQLException {
        Map<Long, String> lines = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select line_number, reason, content from batch_skipped_line where job_execution_id = ?")) {
            ps.setLong(1, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.put(rs.getLong(1), rs.getString(2) + " | " + rs.getString(3));
                }
            }
        }
        return lines;
    }

    private String text(String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String finessChecksum(String prefix) throws SQLException {
        return text("select md5(string_agg(f::text, '|' order by f.finess)) from finess_establishment f where finess like ?",
                prefix + "%");
    }

    private String rppsChecksum(String prefix) throws SQLException {
        return text("select md5(string_agg(p::text, '|' order by p.rpps)) from rpps_professional p where rpps like ?",
                prefix + "%");
    }

    private ExecutionSummary summary(String job, long executionId) throws Exception {
        return People.as(People.ADMIN, () -> executions.executions(job, 50)).stream()
                .filter(e -> e.getExecutionId() == executionId).findFirst().orElseThrow();
    }

    @Test
    void theFinessExtractionSkipsBadLinesWithTheirReasonAndASecondRunChangesNothing() throws Exception {
        String p = "9" + run().substring(0, 6);
        List<String> lines = new ArrayList<>();
        lines.add("finess;etalab;100;2026-12-01");                                                                 // 1
        lines.add(structureEt(p + "01", p + "91", "PHARMACIE DES ÉCOLES", "620", "Pharmacie d'Officine",
                "75011 PARIS", "2026-11-10"));                                                                       // 2
        lines.add(structureEt(p + "0", p + "91", "TROP COURT", "620", "Pharmacie d'Officine", "75011 PARIS",
                "2026-11-10"));                                                                                      // 3
        lines.add("structureet;" + p + "03;" + p + "91;CHAMPS MANQUANTS");                                         // 4
        lines.add(structureEt(p + "04", "", "LBM DU CENTRE", "611", "Laboratoire de Biologie Médicale", "69003 LYON",
                "2026-11-10"));                                                                                      // 5
        lines.add(structureEt(p + "05", "", "DATE FAUSSE", "620", "Pharmacie d'Officine", "75011 PARIS", "10/11/2026")); // 6
        lines.add("geolocalisation;" + p + "01;650000.1;6860000.2;1,ATLASANTE;2026-11-30");                         // 7
        Path source = file("finess-", (String.join("\r\n", lines) + "\r\n").getBytes(LATIN_1));

        long first = start("finess-sync", source, "2", null);

        assertEquals(BatchStatus.COMPLETED, await(first));
        Map<Long, String> skipped = skipped(first);
        assertEquals(List.of(3L, 4L, 6L), new ArrayList<>(skipped.keySet()));
        assertTrue(skipped.get(3L).startsWith("nofinesset « " + p + "0 » : Le numéro FINESS doit comporter 9 caractères."),
                skipped.get(3L));
        assertTrue(skipped.get(4L).startsWith("4 champs au lieu de 32."), skipped.get(4L));
        assertTrue(skipped.get(6L).startsWith("maj « 10/11/2026 » n'est pas une date"), skipped.get(6L));
        assertEquals("lignes modifiées : 2", exitStatus(first));
        assertEquals(3, summary("finess-sync", first).getSkipped());

        FinessEstablishmentView pharmacy = clients.finess(p.substring(0, 2) + " " + p.substring(2, 5) + " "
                + p.substring(5) + "0 1").orElseThrow();
        assertEquals(new FinessEstablishmentView(p + "01", p + "91", "68346179200015", "PHARMACIE DES ÉCOLES",
                "Pharmacie d'Officine", "75011", "PARIS", false), pharmacy, "Latin-1 read, spaces of the input ignored");
        assertEquals("Laboratoire de Biologie Médicale", clients.finess(p + "04").orElseThrow().category());
        assertEquals(Optional.empty(), clients.finess(p + "05"));

        String afterFirst = finessChecksum(p);
        long second = start("finess-sync", source, "2", null);
        assertEquals(BatchStatus.COMPLETED, await(second));
        assertEquals("lignes modifiées : 0", exitStatus(second));
        assertEquals(afterFirst, finessChecksum(p));
    }

    @Test
    void theFinessJsonFeedAddsLegalEntitiesClosesSitesAndAStaleFeedUndoesNothing() throws Exception {
        String p = "8" + run().substring(0, 6);
        Path extraction = file("finess-", (structureEt(p + "11", p + "21", "PHARMACIE DU PORT", "620",
                "Pharmacie d'Officine", "13001 MARSEILLE", "2026-10-01") + "\r\n").getBytes(LATIN_1));
        assertEquals(BatchStatus.COMPLETED, await(start("finess-sync", extraction, null, null)));
        assertFalse(clients.finess(p + "11").orElseThrow().closed());

        Path feed = file("finess-json-", feed(p, "I", "2026-11-30 18:00:00").getBytes(StandardCharsets.UTF_8));
        long json = start("finess-sync", feed, null, null);
        assertEquals(BatchStatus.COMPLETED, await(json));
        assertEquals("lignes modifiées : 3", exitStatus(json));
        Map<Long, String> skipped = skipped(json);
        assertEquals(1, skipped.size(), skipped.toString());
        assertTrue(skipped.values().iterator().next().startsWith("établissement de l'entité juridique " + p + "21 : "
                + "numFinessEge « ABC » : Le numéro FINESS doit comporter 9 caractères."), skipped.toString());

        FinessEstablishmentView entity = clients.finess(p + "21").orElseThrow();
        assertEquals(new FinessEstablishmentView(p + "21", p + "21", null, "SELARL DU PORT", null, "13001", "MARSEILLE",
                false), entity);
        FinessEstablishmentView site = clients.finess(p + "11").orElseThrow();
        assertTrue(site.closed(), "etatObjet I closes the site");
        assertEquals("Pharmacie d'Officine", site.category());
        assertEquals("PHARMACIE DU PORT", site.name(), "the feed's padding trimmed");
        assertEquals("Laboratoire de Biologie Médicale", clients.finess(p + "12").orElseThrow().category());

        String afterFeed = finessChecksum(p);
        Path stale = file("finess-json-", feed(p, "A", "2026-01-01 00:00:00").getBytes(StandardCharsets.UTF_8));
        long old = start("finess-sync", stale, null, null);
        assertEquals(BatchStatus.COMPLETED, await(old));
        assertEquals("lignes modifiées : 0", exitStatus(old), "an older feed never undoes a newer one");
        assertEquals(afterFeed, finessChecksum(p));
    }

    private static String feed(String p, String siteState, String maj) {
        return """
                {
                  "schemaVersion" : "v1.0.0",
                  "generatedAt" : "2026-12-01T05:00:00Z",
                  "gcc" : [ { "gccId" : "1", "pmejDuGcc" : [ ], "egeDuGcc" : [ ] } ],
                  "pmej" : [ {
                    "informationsGeneralesPMEJ" : { "pmSmsseId" : "7", "numFinessPm" : "%1$s21", "denominationPm" : "SELARL DU PORT   ",
                      "denominationLonguePmSmsse" : "SELARL PHARMACIE DU PORT", "statutJuridique" : "85", "siren" : "683461792" },
                    "adresse" : [ { "codePostal" : "13001", "ligneAcheminement" : "MARSEILLE", "cogCommune" : "13201" } ],
                    "ege" : [ {
                      "informationsGeneralesEGE" : { "egeId" : "70", "numFinessEge" : "%1$s11", "nomEgeCourt" : "PHARMACIE DU PORT  ",
                        "nomEgeLong" : "PHARMACIE DU PORT (NOM LONG)", "siret" : "68346179200015" },
                      "categorieentiteGeographiqueExercice" : "620",
                      "adresse" : [ { "codePostal" : "13001", "ligneAcheminement" : "MARSEILLE", "cogCommune" : "13201" } ],
                      "etatObjet" : "%2$s", "dateDerniereMaj" : "%3$s"
                    }, {
                      "informationsGeneralesEGE" : { "egeId" : "71", "numFinessEge" : "%1$s12", "nomEgeCourt" : "LBM DU PORT",
                        "nomEgeLong" : "LABORATOIRE DU PORT" },
                      "categorieentiteGeographiqueExercice" : "611",
                      "adresse" : [ { "codePostal" : "13002", "ligneAcheminement" : "MARSEILLE", "cogCommune" : "13202" } ],
                      "etatObjet" : "A", "dateDerniereMaj" : "%3$s"
                    }, {
                      "informationsGeneralesEGE" : { "egeId" : "72", "numFinessEge" : "ABC", "nomEgeCourt" : "MAUVAIS NUMERO" },
                      "etatObjet" : "A", "dateDerniereMaj" : "%3$s"
                    } ],
                    "etatObjet" : "A", "dateDerniereMaj" : "%3$s"
                  } ],
                  "gco" : [ ]
                }
                """.formatted(p, siteState, maj);
    }

    @Test
    void theRppsExtractionKeepsOneRowPerProfessionalSkipsBadLinesAndASecondRunChangesNothing() throws Exception {
        String p = "19" + run().substring(0, 5);
        List<String> lines = new ArrayList<>();
        lines.add(RPPS_HEADER);                                                          // 1
        lines.add(activity("8", p + "0001", "LEMAIRE", "CLAIRE", "75011", "Paris 11e"));  // 2
        lines.add(activity("8", p + "0001", "LEMAIRE", "CLAIRE", "69003", "Lyon 3e"));    // 3
        lines.add(activity("8", p + "002", "COURT", "JEAN", "75011", "Paris 11e"));       // 4
        lines.add(activity("0", "759124159", "PREVOST", "AGATHE", "75011", "Paris 11e")); // 5 (ADELI)
        lines.add("8|" + p + "0003|8" + p + "0003|DR");                                   // 6
        lines.add(activity("8", p + "0004", "GUÉRIN", "LOUIS", "59000", "Lille"));        // 7
        Path source = file("rpps-", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

        long first = start("rpps-sync", source, "1", null);

        assertEquals(BatchStatus.COMPLETED, await(first));
        Map<Long, String> skipped = skipped(first);
        assertEquals(List.of(4L, 6L), new ArrayList<>(skipped.keySet()));
        assertEquals("Identifiant PP « " + p + "002 » : Le numéro RPPS doit comporter 11 chiffres. | 8|" + p + "002|8"
                + p + "002|…", skipped.get(4L), "the skipped line keeps no name");
        assertTrue(skipped.get(6L).startsWith("4 colonnes au lieu de 57."), skipped.get(6L));
        assertEquals("lignes modifiées : 2", exitStatus(first));
        assertEquals(2, Fixtures.count(ds, "select count(*) from rpps_professional where rpps like ?", p + "%"));

        assertEquals(new RppsProfessionalView(p + "0001", "LEMAIRE", "CLAIRE", "Médecin", "75011", "Paris 11e"),
                clients.rpps(p.substring(0, 3) + " " + p.substring(3) + "0001").orElseThrow(),
                "one row for two activities, the first one's address");
        assertEquals("GUÉRIN", clients.rpps("8" + p + "0004").orElseThrow().lastName(), "an IdNat_PS is read as its RPPS");
        assertEquals(Optional.empty(), clients.rpps(p + "0003"));
        BusinessRuleException bad = assertThrows(BusinessRuleException.class, () -> clients.rpps("1234"));
        assertEquals("Le numéro RPPS doit comporter 11 chiffres.", bad.getMessage());

        String afterFirst = rppsChecksum(p);
        long second = start("rpps-sync", source, "1", null);
        assertEquals(BatchStatus.COMPLETED, await(second));
        assertEquals("lignes modifiées : 0", exitStatus(second));
        assertEquals(afterFirst, rppsChecksum(p));
    }

    @Test
    void beyondTheSkipLimitTheImportFailsAndItsChunkIsRolledBack() throws Exception {
        String p = "18" + run().substring(0, 5);
        String content = RPPS_HEADER + "\n" + activity("8", p + "0001", "UN", "A", "75011", "Paris") + "\n"
                + "8|bad\n8|bad\n8|bad\n";
        long execution = start("rpps-sync", file("rpps-", content.getBytes(StandardCharsets.UTF_8)), "10", "2");

        assertEquals(BatchStatus.FAILED, await(execution));
        assertEquals(0, Fixtures.count(ds, "select count(*) from rpps_professional where rpps like ?", p + "%"));
    }

    @Test
    void aStoppedRppsImportIsRestartedFromItsCheckpointAndEndsWithEveryProfessional() throws Exception {
        String p = "17" + run().substring(0, 3);
        int professionals = 60_000;
        StringBuilder content = new StringBuilder(RPPS_HEADER).append('\n');
        for (int i = 0; i < professionals; i++) {
            String id = p + String.format("%06d", i);
            content.append(activity("8", id, "NOM" + i, "PRENOM", "75011", "Paris")).append('\n');
            if (i % 3 == 0) {
                content.append(activity("8", id, "NOM" + i, "PRENOM", "69003", "Lyon")).append('\n');
            }
            if (i % 1000 == 7) {
                content.append("8|ligne|abimee\n");
            }
        }
        Path source = file("rpps-stop-", content.toString().getBytes(StandardCharsets.UTF_8));

        long run = start("rpps-sync", source, "200", "1000");
        People.as(People.ADMIN, () -> jobs.stop(run));
        assertEquals(BatchStatus.STOPPED, await(run));
        long partial = Fixtures.count(ds, "select count(*) from rpps_professional where rpps like ?", p + "%");
        assertTrue(partial < professionals, "stopped before the end: " + partial);
        assertTrue(summary("rpps-sync", run).isRestartable());

        long restarted = People.as(People.ADMIN, () -> jobs.restart(run));
        assertEquals(BatchStatus.COMPLETED, await(restarted));
        assertEquals(professionals, Fixtures.count(ds, "select count(*) from rpps_professional where rpps like ? "
                + "and postal_code = '75011'", p + "%"));
        assertEquals(professionals, summary("rpps-sync", run).getRead() + summary("rpps-sync", restarted).getRead(),
                "the restart reads only the professionals the stopped execution had not committed");
        assertEquals(60, Fixtures.count(ds, "select count(*) from batch_skipped_line where job_instance_id = ?",
                BatchRuntime.getJobOperator().getJobInstance(run).getInstanceId()), "each bad line recorded once");
    }
}
