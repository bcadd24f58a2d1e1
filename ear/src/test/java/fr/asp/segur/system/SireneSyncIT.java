package fr.asp.segur.system;

import static fr.asp.segur.system.SireneFiles.establishment;
import static fr.asp.segur.system.SireneFiles.legalUnit;
import static fr.asp.segur.system.SireneFiles.siren;
import static fr.asp.segur.system.SireneFiles.siret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.batch.BatchJobs;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.application.referential.ReferentialService;
import fr.asp.segur.domain.model.Siret;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sirene-sync job in the server, on PostgreSQL, with small ZIPs in INSEE's format: bad lines
 * skipped and recorded with their number and reason, the skip limit, a second run that changes
 * nothing, a delta that updates and closes, legal names joined to establishments.
 */
@ExtendWith(ArquillianExtension.class)
class SireneSyncIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(SireneSyncIT.class, SireneFiles.class, Fixtures.class, People.class);
    }

    @EJB
    BatchJobs jobs;
    @EJB
    ReferentialService referentials;
    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private long start(Path legalUnits, Path establishments, String mode, Integer skipLimit) throws Exception {
        Properties p = new Properties();
        p.setProperty("legalUnits", legalUnits == null ? "" : legalUnits.toString());
        p.setProperty("establishments", establishments.toString());
        p.setProperty("mode", mode);
        p.setProperty("chunkSize", "50");
        if (skipLimit != null) {
            p.setProperty("skipLimit", skipLimit.toString());
        }
        return People.as(People.ADMIN, () -> jobs.start("sirene-sync", p));
    }

    private static BatchStatus await(long executionId) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        BatchStatus status;
        do {
            Thread.sleep(200);
            status = BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
        } while ((status == BatchStatus.STARTING || status == BatchStatus.STARTED) && System.currentTimeMillis() < deadline);
        return status;
    }

    private static String stepExitStatus(long executionId, String step) {
        return BatchRuntime.getJobOperator().getStepExecutions(executionId).stream()
                .filter(s -> s.getStepName().equals(step)).map(StepExecution::getExitStatus).findFirst().orElseThrow();
    }

    /** line number -> reason, of the lines an execution skipped. */
    private Map<Long, String> skipped(long executionId) throws Exception {
        Map<Long, String> lines = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select line_number, reason from batch_skipped_line where job_execution_id = ?")) {
            ps.setLong(1, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return lines;
    }

    private String checksum() throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select md5(string_agg(e::text, '|' order by e.siret)) || md5(string_agg(u::text, '|' order by u.siren))"
                        + " from sirene_establishment e full join sirene_legal_unit u on false");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String column(String column, String siret) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + column + " from sirene_establishment where siret = ?")) {
            ps.setString(1, siret);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String wrongCheckDigit(String siret) {
        return siret.substring(0, 13) + (char) ('0' + (siret.charAt(13) - '0' + 1) % 10);
    }

    @Test
    void malformedLinesAreSkippedAndRecordedWithTheirLineNumberAndReason() throws Exception {
        String company = siren("71000001");
        List<String> lines = new ArrayList<>();
        lines.add(establishment(siret(company, "0001"), "RUE UN", "A", "UN", "2025-06-30T10:00:00"));         // line 2
        lines.add("710000013,00019,71000001300019");                                                          // line 3
        lines.add(establishment(siret(company, "0002"), "RUE DEUX", "A", "DEUX", "2025-06-30T10:00:00"));     // line 4
        lines.add(establishment(siret(company, "0003"), "RUE TROIS", "A", "TROIS", "2025-06-30T10:00:00")
                .replace(siret(company, "0003"), wrongCheckDigit(siret(company, "0003"))));                  // line 5
        lines.add(establishment(siret(company, "0004"), "RUE QUATRE", "X", "QUATRE", "2025-06-30T10:00:00")); // line 6
        lines.add(establishment(siret(company, "0005"), "RUE CINQ", "F", "CINQ", "pas une date"));            // line 7
        lines.add(establishment(siret(company, "0006"), "RUE SIX", "F", "SIX", "2025-06-30T10:00:00"));       // line 8
        Path dir = Files.createTempDirectory("sirene-skips");
        Path file = SireneFiles.establishments(dir, "skips", lines);

        long execution = start(null, file, "delta", null);

        assertEquals(BatchStatus.COMPLETED, await(execution));
        Map<Long, String> skipped = skipped(execution);
        assertEquals(List.of(3L, 5L, 6L, 7L), new ArrayList<>(skipped.keySet()));
        assertEquals("3 colonnes au lieu de 54.", skipped.get(3L));
        assertTrue(skipped.get(5L).contains("SIRET") && skipped.get(5L).contains("clé de contrôle"), skipped.get(5L));
        assertTrue(skipped.get(6L).contains("état administratif « X » inconnu"), skipped.get(6L));
        assertTrue(skipped.get(7L).contains("dateDernierTraitementEtablissement « pas une date »"), skipped.get(7L));
        assertEquals("RUE UN", column("street_name", siret(company, "0001")));
        assertEquals("RUE DEUX", column("street_name", siret(company, "0002")));
        assertEquals("F", column("state", siret(company, "0006")), "closed establishments are kept, closed");
        assertNull(column("state", siret(company, "0004")));
    }

    @Test
    void beyondTheSkipLimitTheJobFails() throws Exception {
        String company = siren("71000002");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            lines.add(establishment(siret(company, "000" + i), "RUE", i == 1 ? "A" : "Z", "S", "2025-06-30T10:00:00"));
        }
        Path file = SireneFiles.establishments(Files.createTempDirectory("sirene-limit"), "limit", lines);

        long execution = start(null, file, "delta", 2);

        assertEquals(BatchStatus.FAILED, await(execution));
        assertNull(column("street_name", siret(company, "0001")), "the failed chunk is rolled back");
    }

    @Test
    void runningTheSameFilesTwiceChangesNothing() throws Exception {
        List<String> units = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            String company = siren("7200" + String.format("%04d", c));
            units.add(legalUnit(company, "SOCIETE " + c, c % 7 == 0 ? "C" : "A", "2025-06-0" + (1 + c % 9) + "T08:00:00"));
            for (int e = 1; e <= 5; e++) {
                lines.add(establishment(siret(company, "000" + e), "RUE " + c + " " + e, c % 7 == 0 ? "F" : "A",
                        e == 1 ? "ENSEIGNE, \"" + c + "\"" : "", "2025-06-1" + e + "T09:30:00"));
            }
        }
        Path dir = Files.createTempDirectory("sirene-twice");
        Path unitFile = SireneFiles.legalUnits(dir, "units", units);
        Path file = SireneFiles.establishments(dir, "establishments", lines);

        long first = start(unitFile, file, "full", null);
        assertEquals(BatchStatus.COMPLETED, await(first));
        assertEquals("lignes modifiées : 200", stepExitStatus(first, "establishments"));
        assertEquals("lignes modifiées : 40", stepExitStatus(first, "legal-units"));
        String afterFirst = checksum();

        long second = start(unitFile, file, "full", null);
        assertEquals(BatchStatus.COMPLETED, await(second));

        assertEquals(afterFirst, checksum());
        assertEquals("lignes modifiées : 0", stepExitStatus(second, "establishments"));
        assertEquals("lignes modifiées : 0", stepExitStatus(second, "legal-units"));
    }

    @Test
    void aDeltaUpdatesClosesAndAddsAndTheLegalNameComesFromTheLegalUnit() throws Exception {
        String company = siren("73000001");
        String head = siret(company, "0001");
        String shop = siret(company, "0002");
        String depot = siret(company, "0003");
        String added = siret(company, "0004");
        Path dir = Files.createTempDirectory("sirene-delta");
        long full = start(SireneFiles.legalUnits(dir, "units", List.of(
                        legalUnit(company, "ALPHA SANTE", "A", "2025-06-01T08:00:00"))),
                SireneFiles.establishments(dir, "stock", List.of(
                        establishment(head, "RUE DU SIEGE", "A", "ALPHA", "2025-06-01T08:00:00"),
                        establishment(shop, "RUE DE LA BOUTIQUE", "A", "ALPHA BOUTIQUE", "2025-06-01T08:00:00"),
                        establishment(depot, "RUE DU DEPOT", "A", "", "2025-06-01T08:00:00"))),
                "full", null);
        assertEquals(BatchStatus.COMPLETED, await(full));
        assertEquals("ALPHA SANTE", referentials.activeCompany(new Siret(shop)).legalName());

        long delta = start(SireneFiles.legalUnits(dir, "units-delta", List.of(
                        legalUnit(company, "ALPHA SANTE GROUPE", "A", "2025-07-02T08:00:00"))),
                SireneFiles.establishments(dir, "delta", List.of(
                        establishment(head, "AVENUE NOUVELLE", "A", "ALPHA", "2025-07-02T08:00:00"),
                        establishment(shop, "RUE DE LA BOUTIQUE", "F", "ALPHA BOUTIQUE", "2025-07-02T08:00:00"),
                        establishment(added, "RUE NEUVE", "A", "ALPHA NEUF", "2025-07-02T08:00:00"))),
                "delta", null);
        assertEquals(BatchStatus.COMPLETED, await(delta));

        assertEquals("lignes modifiées : 3", stepExitStatus(delta, "establishments"));
        assertEquals("AVENUE NOUVELLE", column("street_name", head));
        BusinessRuleException closed = assertThrows(BusinessRuleException.class,
                () -> referentials.activeCompany(new Siret(shop)));
        assertTrue(closed.getMessage().contains("fermé"), closed.getMessage());
        assertEquals("RUE DU DEPOT", column("street_name", depot), "absent from the delta: untouched");
        ReferentialService.Company newcomer = referentials.activeCompany(new Siret(added));
        assertEquals("ALPHA SANTE GROUPE", newcomer.legalName());
        assertEquals("ALPHA NEUF", newcomer.establishment().commercialName());
    }

    @Test
    void theSyncVerifiesTheRequestsSubmittedWithASiretItDidNotKnowYet() throws Exception {
        String company = siren("73000002");
        String created = siret(company, "0001");
        EnrolmentForm form = Fixtures.representativeForm("contact@beta-sante.fr");
        form.setSiret(created);
        form.setDenomination("BETA SANTE");
        form.setCommercialName("BETA");
        form.setStreetType("RUE");
        form.setStreetName("DES CREATEURS");
        form.setPostalCode("75011");
        form.setCity("PARIS");
        String number = Fixtures.submit(enrolment, documents, captcha, form, DocumentKind.CERTIFICAT_REFERENCEMENT,
                DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB, DocumentKind.KBIS,
                DocumentKind.MANDAT_EDITEUR);
        assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ?"
                + " and siret_verification = 'NON_VERIFIE'", number));

        Path dir = Files.createTempDirectory("sirene-recheck");
        long execution = start(SireneFiles.legalUnits(dir, "units", List.of(
                        legalUnit(company, "BETA SANTE SAS", "A", "2025-07-03T08:00:00"))),
                SireneFiles.establishments(dir, "delta", List.of(
                        establishment(created, "RUE DES CREATEURS", "A", "BETA", "2025-07-03T08:00:00"))),
                "delta", null);
        assertEquals(BatchStatus.COMPLETED, await(execution));

        assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ?"
                + " and siret_verification = 'CONFIRME' and referential_denomination = 'BETA SANTE SAS'"
                + " and siret_checked_at is not null", number));
        assertEquals(1, Fixtures.count(ds, "select count(*) from audit_event where request_number = ?"
                + " and action = 'VERIFICATION_SIRET'", number));
    }
}
