package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The administrators' "Traitements" page in Chromium: an administrator imports an ANS list holding a bad
 * line, sees the execution end COMPLETED with its counts, then the skipped line with its number and
 * reason; an agent is refused the page.
 */
class BatchJobsScreenIT extends BrowserJourney {

    /** The ANS job is the first of the page. */
    private static final String ANS = "traitements:jobs:0:";

    /** The sample list (header + 170 rows) and a bad line 172, dropped in the server's import folder. */
    private static String importFile() throws Exception {
        String sample = Files.readString(Path.of("..", "persistence", "src", "main", "resources", "sample",
                "ans_solutions.csv"), StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(Path.of(System.getProperty("jboss.home"), "standalone", "data",
                "referentiels"));
        Path file = Files.createTempFile(folder, "ecran-", ".csv");
        Files.writeString(file, sample + "zz,NUMERO TROP COURT,1.0,811207059,KALINKA,Radiologie,RIS,DSR-RAD-RIS-Va1,1,"
                + "2024-01-15,REFERENCE\n", StandardCharsets.UTF_8);
        return file.getFileName().toString();
    }

    private String firstRow(String cssClass) {
        return browser.waiting().until(d -> d.findElement(By.cssSelector(
                "[id='" + ANS + "executions_data'] tr:first-child ." + cssClass)).getText());
    }

    @Test
    void anAdministratorImportsTheAnsListAndSeesTheCountsAndTheSkippedLine() throws Exception {
        String file = importFile();
        new RequestDetailPage(browser, base).logIn(People.ADMIN);
        browser.open(base + "admin/traitements.xhtml");
        assertThat(browser.textNow("contenu")).contains("Traitements", "Référentiel ANS des solutions référencées");

        browser.type(ANS + "source", file);
        browser.click(ANS + "start");
        browser.waitForAjax();
        assertThat(browser.textNow("traitements:messages")).contains("lancé : exécution n°");
        browser.waiting(java.time.Duration.ofSeconds(90)).until(d -> firstRow("batch-status").contains("COMPLETED"));
        assertThat(firstRow("batch-status")).isEqualTo("Terminé (COMPLETED)");
        assertThat(firstRow("batch-read")).isEqualTo("171");
        assertThat(firstRow("batch-written")).isEqualTo("170");
        assertThat(firstRow("batch-skipped")).isEqualTo("1");

        browser.click(ANS + "executions:0:skippedLines");
        browser.visible("traitements:skippedDialog");
        browser.waiting().until(d -> browser.textNow("traitements:skippedTable_data").contains("172"));
        assertThat(browser.textNow("traitements:skippedTable_data"))
                .contains("numéro de référencement « zz » invalide", "NUMERO TROP COURT");
    }

    @Test
    void anotherFileOfTheServerIsRefusedWithAClearMessage() {
        new RequestDetailPage(browser, base).logIn(People.ADMIN);
        browser.open(base + "admin/traitements.xhtml");
        browser.type(ANS + "source", "/etc/passwd");
        browser.click(ANS + "start");
        browser.waitForAjax();
        assertThat(browser.textNow("traitements:messages"))
                .contains("La source doit être une adresse http(s) ou un fichier existant du dossier d'import");
    }

    @Test
    void anAgentIsRefusedThePage() throws Exception {
        WebClient agent = new WebClient(base.toString());
        assertThat(agent.loginThrough("admin/traitements.xhtml", People.AGENT).statusCode()).isEqualTo(403);
    }
}
