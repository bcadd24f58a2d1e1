package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server in the middle of a SIRENE import, then a restart of the execution once the
 * server is back: the referential ends exactly as after an uninterrupted run, and the restart resumes
 * from the last checkpoint instead of reading the whole file again. Runs its own server (see
 * {@link CrashRestartHarness}), not the Arquillian one, since it kills it.
 */
class SireneSyncCrashIT {

    static final int ESTABLISHMENTS = 60_000;

    /** INSEE-format ZIPs written by the repository's generator (deterministic by seed) with the running JDK. */
    static Path generate(int establishments) throws Exception {
        Path out = Path.of("target", "crash-sirene").toAbsolutePath();
        Files.createDirectories(out);
        Path generator = Path.of("..", "bench", "generator", "ReferentialGenerator.java").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                generator.toString(), "--seed", "2026", "--establishments", String.valueOf(establishments),
                "--only", "sirene", "--zip", "--zip-level", "1", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("generator.log").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "generator failed: see " + out);
        return out;
    }

    @Test
    void aKilledImportRestartedFromItsCheckpointEndsWithTheSameTablesAsAnUninterruptedOne() throws Exception {
        Path files = generate(ESTABLISHMENTS);
        CrashRestartHarness.Scenario scenario = new CrashRestartHarness.Scenario("sirene-sync",
                Map.of("legalUnits", files.resolve("StockUniteLegale_utf8.zip").toString(),
                        "establishments", files.resolve("StockEtablissement_utf8.zip").toString(),
                        "mode", "full", "chunkSize", "1000"),
                Map.of("sirene_establishment", "siret", "sirene_legal_unit", "siren"),
                "select count(*) from sirene_establishment", ESTABLISHMENTS / 3);

        CrashRestartHarness.Outcome outcome = new CrashRestartHarness().run(scenario);
        CrashRestartHarness.lines(outcome).forEach(System.out::println);

        assertEquals("COMPLETED", outcome.restartedStatus());
        assertEquals(outcome.uninterrupted(), outcome.crashedAndRestarted());
        assertTrue(outcome.uninterrupted().get("sirene_establishment").startsWith(ESTABLISHMENTS + 9 + " rows"),
                "every establishment of the file (the generator adds 9 fixed ones): " + outcome.uninterrupted());
        long establishmentLines = ESTABLISHMENTS + 9;
        assertTrue(outcome.readAfterRestart() <= establishmentLines - outcome.committedAtKill(),
                "the restart resumed from the checkpoint instead of reading all " + establishmentLines
                        + " establishment lines again: " + outcome.readAfterRestart());
    }

}
