package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * kill -9 of the server in the middle of an ANS import, then of a bank import, each followed by a
 * restart of the execution once the server is back: the referential ends exactly as after an
 * uninterrupted run, including the final step that withdraws what the file no longer lists (rows
 * loaded beforehand and absent from the file), and the restart resumes from the last checkpoint instead
 * of reading the whole file again. Both jobs share one private server (see {@link CrashRestartHarness}).
 * The ANS execution is restarted through WildFly's management operation, the bank execution by an
 * administrator pressing "Relancer" on the portal's "Traitements" screen, which must offer it for an
 * execution its dead server left STARTED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferentialSyncCrashIT {

    /** Solutions in the ANS file (the generator's 4 fixed ones included): enough for ~100 chunks of 100. */
    static final int SOLUTIONS = 10_000;
    /** French banks in the synthetic ECB file; it also has other countries' lines and malformed ones. */
    static final int BANKS = 10_000;
    static final int FOREIGN_EVERY = 50;
    static final int MALFORMED_EVERY = 1_000;

    static final String ANS_CHECK = "select string_agg(referencing_number || '=' || status || '/' || software_version, ','"
            + " order by referencing_number) from ans_solution where referencing_number like 'absent%'"
            + " or referencing_number = 'cegedim01a'";
    static final String BANK_CHECK = "select string_agg(bank_code || '=' || withdrawn || '/' || name, ','"
            + " order by bank_code) from bank_institution where bank_code in ('99990', '99991', '10000')";

    /** Keys committed so far by the job's latest instance (not another job's leftovers). */
    static String seen(String jobName) {
        return "select count(*) from referential_sync_seen where job_instance_id = (select max(jobinstanceid)"
                + " from job_instance where jobname = '" + jobName + "')";
    }

    private CrashRestartHarness.Outcome ans;
    private CrashRestartHarness.Outcome banks;
    private long ansRecords;
    private long bankRecords;

    @BeforeAll
    void crashBothImports() throws Exception {
        Path out = Path.of("target", "crash-referentials").toAbsolutePath();
        Files.createDirectories(out);
        Path ansFile = generateAns(out, SOLUTIONS);
        ansRecords = Files.lines(ansFile).count() - 1;
        Path bankFile = out.resolve("banks.tsv");
        bankRecords = writeEcbFile(bankFile, BANKS);

        CrashRestartHarness.Scenario ansScenario = new CrashRestartHarness.Scenario("ans-referential-sync",
                Map.of("source", ansFile.toString()), Map.of("ans_solution", "referencing_number"), seen("ans-referential-sync"),
                SOLUTIONS / 3,
                List.of("INSERT INTO ans_solution (referencing_number, software_name, software_version, editor_siren,"
                        + " editor_name, couloir, software_type, dsr, wave, referencing_date, status, updated_at) VALUES"
                        // absent from the file: withdrawn by the final step
                        + " ('absent0001', 'ANCIEN LOGICIEL 1', '1.0', '811207059', 'KALINKA', 'Radiologie', 'RIS',"
                        + " 'DSR-RAD-RIS-Va1', 1, DATE '2021-10-01', 'REFERENCE', TIMESTAMP '2024-01-01 00:00:00'),"
                        + " ('absent0002', 'ANCIEN LOGICIEL 2', '2.0', '811207059', 'KALINKA', 'Hôpital', 'DPI',"
                        + " 'DSR-HOP-DPI-Va1', 1, NULL, 'REFERENCE', TIMESTAMP '2024-01-01 00:00:00'),"
                        // absent and already withdrawn: stays so
                        + " ('absent0003', 'ANCIEN LOGICIEL 3', '3.0', '811207059', 'KALINKA', 'Hôpital', 'DPI',"
                        + " 'DSR-HOP-DPI-Va1', 1, NULL, 'RETIRE', TIMESTAMP '2024-01-01 00:00:00'),"
                        // listed by the file with other values: updated
                        + " ('cegedim01a', 'CEGEDIM MEDECIN LGC', '11.0', '902350719', 'CEGEDIM LOGICIELS MEDICAUX FRANCE',"
                        + " 'Médecin de ville', 'LGC', 'DSR-MDV-LGC-Va1', 1, DATE '2022-02-01', 'RETIRE',"
                        + " TIMESTAMP '2024-01-01 00:00:00')"),
                List.of("updated_at"), List.of(ANS_CHECK), CrashRestartHarness.Restart.MANAGEMENT_OPERATION);
        CrashRestartHarness.Scenario bankScenario = new CrashRestartHarness.Scenario("bank-referential-sync",
                Map.of("source", bankFile.toString()),
                Map.of("bank_institution", "bank_code", "batch_skipped_line", "line_number"), seen("bank-referential-sync"),
                BANKS / 3,
                List.of("INSERT INTO bank_institution (bank_code, bic, name, city, withdrawn) VALUES"
                        // absent from the file: withdrawn by the final step
                        + " ('99990', 'ZZZAFRPPXXX', 'BANQUE DISPARUE', 'PARIS', FALSE),"
                        + " ('99991', NULL, 'AUTRE BANQUE DISPARUE', NULL, FALSE),"
                        // listed by the file under another name: updated
                        + " ('10000', 'BAAAFRPPXXX', 'ANCIEN NOM', 'LYON', FALSE)"),
                // sequence values and when/by which execution a line was skipped differ between runs
                List.of("id", "job_instance_id", "job_execution_id", "recorded_at"), List.of(BANK_CHECK),
                // the portal's own path: "Relancer" on the administrators' screen (BatchJobs.restart)
                CrashRestartHarness.Restart.ADMIN_SCREEN);

        List<CrashRestartHarness.Outcome> outcomes = new CrashRestartHarness().run(List.of(ansScenario, bankScenario));
        ans = outcomes.get(0);
        banks = outcomes.get(1);
        CrashRestartHarness.lines(ans).forEach(l -> System.out.println("ans-referential-sync " + l));
        CrashRestartHarness.lines(banks).forEach(l -> System.out.println("bank-referential-sync " + l));
    }

    @Test
    void aKilledAnsImportRestartedFromItsCheckpointEndsWithTheSameTableAsAnUninterruptedOne() {
        assertEquals("COMPLETED", ans.restartedStatus());
        assertEquals(ans.uninterrupted(), ans.crashedAndRestarted());
        assertTrue(ans.uninterrupted().get("ans_solution").startsWith(SOLUTIONS + 3 + " rows"),
                "every solution of the file plus the 3 absent ones: " + ans.uninterrupted());
        assertEquals("absent0001=RETIRE/1.0,absent0002=RETIRE/2.0,absent0003=RETIRE/3.0,cegedim01a=REFERENCE/12.0",
                ans.crashedAndRestarted().get(ANS_CHECK));
        assertTrue(ans.readAfterRestart() <= ansRecords - ans.committedAtKill(),
                "the restart resumed from the checkpoint instead of reading all " + ansRecords
                        + " lines again: " + ans.readAfterRestart());
    }

    @Test
    void aKilledBankImportRestartedFromItsCheckpointEndsWithTheSameTableAsAnUninterruptedOne() {
        assertEquals("COMPLETED", banks.restartedStatus());
        assertEquals(banks.uninterrupted(), banks.crashedAndRestarted());
        assertTrue(banks.uninterrupted().get("bank_institution").startsWith(BANKS + 2 + " rows"),
                "every French bank of the file plus the 2 absent ones: " + banks.uninterrupted());
        assertTrue(banks.uninterrupted().get("batch_skipped_line").startsWith(BANKS / MALFORMED_EVERY + " rows"),
                "each malformed line recorded once: " + banks.uninterrupted());
        assertEquals("10000=false/BANQUE SYNTHETIQUE 10000,99990=true/BANQUE DISPARUE,99991=true/AUTRE BANQUE DISPARUE",
                banks.crashedAndRestarted().get(BANK_CHECK));
        assertTrue(banks.readAfterRestart() <= bankRecords - banks.committedAtKill(),
                "the restart resumed from the checkpoint instead of reading all " + bankRecords
                        + " lines again: " + banks.readAfterRestart());
    }

    /** Our ANS CSV written by the repository's generator (deterministic by seed) with the running JDK. */
    static Path generateAns(Path out, int solutions) throws Exception {
        Path generator = Path.of("..", "bench", "generator", "ReferentialGenerator.java").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                generator.toString(), "--seed", "2026", "--only", "ans", "--solutions", String.valueOf(solutions),
                "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("generator.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "generator failed: see " + out);
        return out.resolve("ans_solutions.csv");
    }

    /**
     * A synthetic ECB list (tab-separated, CRLF, the real header): {@code banks} French institutions with
     * bank codes 10000, 10001… and distinct BICs, a Spanish line every {@value #FOREIGN_EVERY} lines
     * (filtered out) and a French line with an invalid RIAD code every {@value #MALFORMED_EVERY} banks
     * (skipped). Returns the number of records (lines without the header).
     */
    static long writeEcbFile(Path file, int banks) throws Exception {
        long records = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("RIAD_CODE\tBIC\tCOUNTRY_OF_REGISTRATION\tNAME\tBOX\tADDRESS\tPOSTAL\tCITY\tCATEGORY"
                    + "\tHEAD_COUNTRY_OF_REGISTRATION\tHEAD_NAME\tHEAD_RIAD_CODE\tRESERVE\tEXEMPT\r\n");
            for (int i = 0; i < banks; i++) {
                int code = 10_000 + i;
                w.write(line("FR" + code, bicLetters(i) + "FRPPXXX", "FR", "BANQUE SYNTHETIQUE " + code,
                        (i % 100) + " RUE DE LA BANQUE", String.format("%05d", 1000 + i % 95_000), "VILLE " + i % 300));
                records++;
                if (i % FOREIGN_EVERY == 0) {
                    w.write(line("ES" + (1000 + i), "BSCH" + "ESMM" + "XXX", "ES", "BANCO SINTETICO " + i, "", "28001",
                            "MADRID"));
                    records++;
                }
                if (i % MALFORMED_EVERY == MALFORMED_EVERY - 1) {
                    w.write(line("FRX" + i, "", "FR", "RIAD INVALIDE " + i, "", "", "PARIS"));
                    records++;
                }
            }
        }
        return records;
    }

    private static String line(String riad, String bic, String country, String name, String address, String postal,
                               String city) {
        return String.join("\t", riad, bic, country, name, "", address, postal, city, "Credit institution S122", "",
                "", "", "Y", "N") + "\r\n";
    }

    /** Four letters, distinct for each i below 26^4. */
    private static String bicLetters(int i) {
        char[] letters = new char[4];
        for (int k = 3; k >= 0; k--) {
            letters[k] = (char) ('A' + i % 26);
            i /= 26;
        }
        return new String(letters);
    }
}
