package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.batch.BatchExecutions;
import fr.asp.segur.application.batch.BatchJobs;
import fr.asp.segur.application.batch.ExecutionSummary;
import fr.asp.segur.application.batch.ScheduleClaims;
import fr.asp.segur.application.batch.SkippedLine;
import fr.asp.segur.application.referential.ReferentialService;
import fr.asp.segur.batch.referential.ReferentialsTimer;
import fr.asp.segur.domain.model.Bic;
import fr.asp.segur.domain.referential.BankInstitution;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The referential jobs against PostgreSQL, each on a file written by the test: the sample list (so the
 * other tests keep their referentials) plus rows of its own. Inserts, updates, withdrawals, a second
 * run that changes nothing, skipped lines with their line numbers, the skip limit, the ECB's UTF-16
 * download feeding the Domiciliation, and the nightly start claimed once.
 */
@ExtendWith(ArquillianExtension.class)
class ReferentialJobsIT {

    private static final String ANS = "ans-referential-sync";
    private static final String BANKS = "bank-referential-sync";
    /** Header + 170 rows: the lines a test appends start at 172. */
    private static final int SAMPLE_ANS_LINES = 171;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(ReferentialJobsIT.class, Fixtures.class, People.class);
    }

    @EJB
    BatchJobs jobs;
    @EJB
    BatchExecutions executions;
    @EJB
    ReferentialService referentials;
    @EJB
    ReferentialsTimer timer;
    @EJB
    ScheduleClaims claims;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private static String sample(String resource) throws IOException {
        try (InputStream in = ReferentialJobsIT.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sampleAns() throws IOException {
        String csv = sample("sample/ans_solutions.csv");
        assertEquals(SAMPLE_ANS_LINES, csv.lines().count(), "the sample's size this test counts lines from");
        return csv.endsWith("\n") ? csv : csv + "\n";
    }

    /** A referencing number of this run: 10 lower-case letters and digits. */
    private static String number() {
        return "t" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36,
                36L * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
    }

    private static String ansRow(String number, String version, String status) {
        return number + ",LOGICIEL DE TEST " + number + "," + version
                + ",811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2024-01-15," + status + "\n";
    }

    /** A file in the import folder, the only one administrators may name as a source besides http(s). */
    private Path file(String name, String content) throws Exception {
        return Files.writeString(newFile(name), content, StandardCharsets.UTF_8);
    }

    private Path newFile(String name) throws Exception {
        Path folder = Files.createDirectories(Path.of(People.as(People.ADMIN, () -> jobs.importFolder())));
        return Files.createTempFile(folder, name, ".csv");
    }

    private long start(String job, Path source, String skipLimit) throws Exception {
        Properties p = new Properties();
        if (source != null) {
            p.setProperty("source", source.toString());
        }
        if (skipLimit != null) {
            p.setProperty("skipLimit", skipLimit);
        }
        return People.as(People.ADMIN, () -> jobs.start(job, p));
    }

    private static BatchStatus await(long executionId) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        BatchStatus status;
        do {
            Thread.sleep(200);
            status = BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
        } while ((status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING)
                && System.currentTimeMillis() < deadline);
        return status;
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

    /** Every column of every solution, updated_at included. */
    private String ansChecksum() throws SQLException {
        return text("select md5(string_agg(concat_ws('|', referencing_number, software_name, software_version, "
                + "editor_siren, editor_name, couloir, software_type, dsr, wave, referencing_date, status, updated_at), "
                + "',' order by referencing_number)) from ans_solution");
    }

    private ExecutionSummary summary(String job, long executionId) throws Exception {
        return People.as(People.ADMIN, () -> executions.executions(job, 50)).stream()
                .filter(e -> e.getExecutionId() == executionId).findFirst().orElseThrow();
    }

    @Test
    void theAnsListInsertsUpdatesAndWithdrawsThenASecondRunChangesNothing() throws Exception {
        String added = number();
        String changed = number();
        String dropped = number();
        assertEquals(BatchStatus.COMPLETED, await(start(ANS, file("ans-1-", sampleAns() + ansRow(added, "1.0", "REFERENCE")
                + ansRow(changed, "1.0", "REFERENCE") + ansRow(dropped, "1.0", "REFERENCE")), null)));
        assertEquals(3, Fixtures.count(ds, "select count(*) from ans_solution where referencing_number in (?, ?, ?) "
                + "and status = 'REFERENCE'", added, changed, dropped));
        String changedAt = text("select updated_at from ans_solution where referencing_number = ?", changed);
        String addedAt = text("select updated_at from ans_solution where referencing_number = ?", added);

        Path second = file("ans-2-", sampleAns() + ansRow(added, "1.0", "REFERENCE") + ansRow(changed, "2.0", "REFERENCE"));
        long run = start(ANS, second, null);
        assertEquals(BatchStatus.COMPLETED, await(run));
        assertEquals("2.0", text("select software_version from ans_solution where referencing_number = ?", changed));
        assertNotEquals(changedAt, text("select updated_at from ans_solution where referencing_number = ?", changed));
        assertEquals(addedAt, text("select updated_at from ans_solution where referencing_number = ?", added),
                "an unchanged solution is not touched");
        assertEquals("RETIRE", text("select status from ans_solution where referencing_number = ?", dropped),
                "absent from the list: withdrawn, not deleted");
        assertEquals("REFERENCE", text("select status from ans_solution where referencing_number = '0215jug63a'"));
        assertEquals("RETIRE", text("select status from ans_solution where referencing_number = 'retire001x'"));
        assertEquals(Files.size(second), Fixtures.count(ds, "select done from batch_progress where job_execution_id = ? "
                + "and step_name = 'import' and done = total", run), "the progress bar's figures: the whole file read");
        ExecutionSummary summary = summary(ANS, run);
        assertEquals(SAMPLE_ANS_LINES + 1, summary.getRead());
        assertEquals(SAMPLE_ANS_LINES + 1, summary.getWritten());
        assertEquals(0, summary.getSkipped());

        String before = ansChecksum();
        long rows = Fixtures.count(ds, "select count(*) from ans_solution");
        assertEquals(BatchStatus.COMPLETED, await(start(ANS, second, null)));
        assertEquals(before, ansChecksum(), "the same list twice: nothing changes, updated_at included");
        assertEquals(rows, Fixtures.count(ds, "select count(*) from ans_solution"));
        assertEquals(0, Fixtures.count(ds, "select count(*) from referential_sync_seen where job_instance_id = ?",
                BatchRuntime.getJobOperator().getJobInstance(run).getInstanceId()), "seen keys are cleaned up");
    }

    @Test
    void malformedLinesAreSkippedAndReportedWithTheirLineNumberAndReason() throws Exception {
        String good = number();
        long run = start(ANS, file("ans-skip-", sampleAns()
                + "zz,SANS NUMERO VALIDE,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2024-01-15,REFERENCE\n"
                + ansRow(good, "1.0", "REFERENCE")
                + number() + ",COLONNES MANQUANTES,1.0\n"
                + number() + ",VAGUE,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,deux,2024-01-15,REFERENCE\n"), null);
        assertEquals(BatchStatus.COMPLETED, await(run));
        assertEquals("REFERENCE", text("select status from ans_solution where referencing_number = ?", good));

        List<SkippedLine> skipped = People.as(People.ADMIN, () -> executions.skippedLines(run));
        assertEquals(List.of(172L, 174L, 175L), skipped.stream().map(SkippedLine::getLineNumber).toList());
        assertTrue(skipped.get(0).getReason().contains("numéro de référencement « zz » invalide"), skipped.get(0).getReason());
        assertTrue(skipped.get(1).getReason().contains("3 colonne(s) au lieu de 11"), skipped.get(1).getReason());
        assertTrue(skipped.get(2).getReason().contains("vague « deux » invalide"), skipped.get(2).getReason());
        assertTrue(skipped.get(1).getContent().contains("COLONNES MANQUANTES"));
        assertEquals(3, summary(ANS, run).getSkipped());
    }

    @Test
    void beyondTheSkipLimitTheJobFailsAndWithdrawsNothingThenARestartFinishesTheSameInstance() throws Exception {
        String absentNumber = number();
        assertEquals(BatchStatus.COMPLETED, await(start(ANS, file("ans-limit-0-", sampleAns()
                + ansRow(absentNumber, "1.0", "REFERENCE")), null)));
        Path list = file("ans-limit-", sampleAns()
                + "bad1,A,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2024-01-15,REFERENCE\n"
                + "bad2,B,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,2024-01-15,REFERENCE\n");
        long run = start(ANS, list, "1");
        assertEquals(BatchStatus.FAILED, await(run));
        assertEquals("REFERENCE", text("select status from ans_solution where referencing_number = ?", absentNumber),
                "a failed import withdraws nothing");
        assertTrue(summary(ANS, run).isRestartable());

        // The file is corrected in place; the restart resumes after the last committed chunk, and what the
        // failed execution saw before it still counts: only the solution absent from the list is withdrawn.
        Files.writeString(list, sampleAns(), StandardCharsets.UTF_8);
        long restarted = People.as(People.ADMIN, () -> jobs.restart(run));
        assertEquals(BatchStatus.COMPLETED, await(restarted));
        assertEquals(BatchRuntime.getJobOperator().getJobInstance(run).getInstanceId(),
                BatchRuntime.getJobOperator().getJobInstance(restarted).getInstanceId());
        assertEquals("RETIRE", text("select status from ans_solution where referencing_number = ?", absentNumber));
        assertEquals(0, Fixtures.count(ds, "select count(*) from ans_solution where referencing_number in "
                + "('0215jug63a', 'aafy63256', 'cegedim01a') and status <> 'REFERENCE'"));
        assertEquals(sampleAns().lines().filter(l -> l.endsWith(",REFERENCE")).count(),
                Fixtures.count(ds, "select count(*) from ans_solution where status = 'REFERENCE' "
                        + "and referencing_number not like 't%'"),
                "every solution the sample references, the first chunk's included, is still referenced");
    }

    @Test
    void aStoppedImportIsRestartedFromItsCheckpointAndEndsWithEveryLine() throws Exception {
        StringBuilder list = new StringBuilder(sampleAns());
        String prefix = "s" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36, 36L * 36 * 36 * 36), 36);
        int added = 20_000;
        for (int i = 0; i < added; i++) {
            list.append(ansRow(prefix + String.format("%05d", i), "1.0", "REFERENCE"));
        }
        long run = start(ANS, file("ans-stop-", list.toString()), null);
        People.as(People.ADMIN, () -> jobs.stop(run));
        assertEquals(BatchStatus.STOPPED, await(run));
        long partial = Fixtures.count(ds, "select count(*) from ans_solution where referencing_number like ?", prefix + "%");
        assertTrue(partial < added, "stopped before the end: " + partial);
        assertTrue(summary(ANS, run).isRestartable());

        long restarted = People.as(People.ADMIN, () -> jobs.restart(run));
        assertEquals(BatchStatus.COMPLETED, await(restarted));
        assertEquals(added, Fixtures.count(ds, "select count(*) from ans_solution where referencing_number like ? "
                + "and status = 'REFERENCE'", prefix + "%"));
        assertEquals("REFERENCE", text("select status from ans_solution where referencing_number = '0215jug63a'"),
                "the lines read before the stop still count as seen");
        assertEquals(SAMPLE_ANS_LINES + added - 1 - summary(ANS, run).getRead(), summary(ANS, restarted).getRead(),
                "the restart reads only what the stopped execution had not committed");
    }

    @Test
    void theEcbListInUtf16FeedsTheDomiciliationWithFrenchInstitutionsOnly() throws Exception {
        int code = 99_000 + ThreadLocalRandom.current().nextInt(1000);
        String bic = "TSTBFRPP" + String.format("%03d", code % 1000);
        String sample = sample("sample/banks.tsv");
        String french = "FR" + code + "\t" + bic + "\tFR\tBANQUE DE TEST " + code + "\t\t1 RUE DU TEST\t75001\tPARIS\t"
                + "Credit institution S122\t\t\t\tY\tN\r\n";
        String spanish = "ES" + code + "\tTSTBESMMXXX\tES\tBanco de prueba\t\t\t\t\tCredit institution S122\t\t\t\tY\tN\r\n";
        String malformed = "FR12AB\tTSTCFRPPXXX\tFR\tMAUVAIS CODE\t\t\t\t\tCredit institution S122\t\t\t\tY\tN\r\n";
        Path list = utf16("fi_mrr_csv_", sample + french + spanish + malformed);

        long run = start(BANKS, list, null);
        assertEquals(BatchStatus.COMPLETED, await(run));
        Optional<BankInstitution> found = referentials.bank(Bic.of(bic), null);
        assertTrue(found.isPresent(), "the wizard's look-up sees the new bank");
        assertEquals("BANQUE DE TEST " + code, found.get().getName());
        assertEquals(0, Fixtures.count(ds, "select count(*) from bank_institution where bic = 'TSTBESMMXXX'"),
                "other countries are ignored");
        List<SkippedLine> skipped = People.as(People.ADMIN, () -> executions.skippedLines(run));
        assertEquals(1, skipped.size());
        assertEquals(sample.lines().count() + 3, skipped.get(0).getLineNumber());
        assertTrue(skipped.get(0).getReason().contains("code RIAD « FR12AB » invalide"));
        ExecutionSummary summary = summary(BANKS, run);
        assertEquals(2, summary.getFiltered(), "the sample's Spanish bank and ours");
        assertEquals(1, summary.getSkipped());

        assertEquals(BatchStatus.COMPLETED, await(start(BANKS, utf16("fi_mrr_csv_", sample), null)));
        assertTrue(referentials.bank(Bic.of(bic), null).isEmpty(), "no longer listed: not offered any more");
        assertEquals(1, Fixtures.count(ds, "select count(*) from bank_institution where bank_code = ? and withdrawn",
                String.valueOf(code)), "kept, marked withdrawn");
        assertEquals("CE MID PYRENEES TOULOUSE", referentials.bank(Bic.of("CEPAFRPP313"), null).orElseThrow().getName());
    }

    private Path utf16(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write(content.getBytes(StandardCharsets.UTF_16LE));
        return Files.write(newFile(name), bytes.toByteArray());
    }

    @Test
    void anAdministratorCannotNameAnyFileOfTheServerAsSource() throws Exception {
        for (String source : List.of("/etc/passwd", "../../configuration/standalone-postgres.xml", "absent.csv")) {
            Properties p = new Properties();
            p.setProperty("source", source);
            BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                    () -> People.as(People.ADMIN, () -> jobs.start(ANS, p)), source);
            assertTrue(refused.getMessage().contains("dossier d'import"), refused.getMessage());
        }
    }

    @Test
    void eachNightIsStartedByOneNodeOnly() throws Exception {
        LocalDate night = LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(100_000));
        Map<String, Long> first = timer.startNight(night);
        Map<String, Long> second = timer.startNight(night);
        try {
            assertTrue(first.get(ANS) > 0 && first.get(BANKS) > 0, first.toString());
            assertTrue(second.values().stream().allMatch(id -> id == -1), "the second node starts nothing: " + second);
            assertEquals(first.get(ANS).longValue(), Fixtures.count(ds, "select execution_id from batch_schedule_claim "
                    + "where job_name = ? and scheduled_date = ?", ANS, java.sql.Date.valueOf(night)));
        } finally {
            assertEquals(BatchStatus.COMPLETED, await(first.get(ANS)));
            assertEquals(BatchStatus.COMPLETED, await(first.get(BANKS)));
        }
        assertTrue(claims.claim("reminders", night));
        assertFalse(claims.claim("reminders", night), "reminders are claimed the same way");
    }
}
