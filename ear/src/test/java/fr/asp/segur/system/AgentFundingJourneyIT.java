package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.domain.funding.FundingRequestNumber;
import fr.asp.segur.system.EnrolmentWizardPage.Person;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agents' side of funding in a real browser: an agent filters the funding queue, opens a request, reads
 * its amounts and automatic checks and validates it (the supplier is emailed); an administrator creates a
 * funding call with the form and imports a call file, its bad line refused by number. Each page is scanned
 * by axe-core on the way.
 */
class AgentFundingJourneyIT extends BrowserJourney {

    private static final String AGENT = "agent@asp-public.fr";
    private static final String ADMIN = "admin@asp-public.fr";

    /**
     * A funding request as filing leaves it (the supplier's filing pages are another branch's): a deposited
     * avance of a validated KALINKA enrolment for a radiology client, 12 000 € HT ordered, 9 000 € HT ceiling.
     */
    private String fundingRequest(String enrolmentNumber, String filedBy, String client) {
        long sequence = Database.count("select nextval('funding_number_seq')");
        String number = FundingRequestNumber.fromSequence(sequence).value();
        Database.update("insert into funding_request (request_number, call_id, enrolment_request_id, supplier_siret, "
                + "filed_by, client_kind, client_identifier, client_name, client_known, ceiling_tranche, order_signed_on, "
                + "order_amount_ht, ceiling_ht, granted_ht, avance_ht, solde_ht, status, filed_at, version) "
                + "select ?, c.id, e.id, e.siret, ?, 'FINESS', ?, 'Centre d''imagerie du Parc', true, '3 à 5 modalités', "
                + "date '2026-11-15', 12000.00, 9000.00, 9000.00, 2700.00, 6300.00, 'AVANCE_DEPOSEE', "
                // The portal's times are Paris local times (PortalClock): the newest request of the queue.
                + "cast(current_timestamp at time zone 'Europe/Paris' as timestamp), 0 "
                + "from funding_call c, enrolment_request e where c.code = 'AF-RAD-RIS-VA1' and e.request_number = ?",
                number, filedBy, client, enrolmentNumber);
        Database.update("insert into funding_request_history (funding_request_id, occurred_at, actor, to_status) "
                + "select id, filed_at, filed_by, 'AVANCE_DEPOSEE' from funding_request where request_number = ?", number);
        Database.update("insert into funding_client_claim (call_id, client_identifier, funding_request_id, claimed_at) "
                + "select call_id, client_identifier, id, filed_at from funding_request where request_number = ?", number);
        return number;
    }

    /** Cells' tabs, narrow and plain no-break spaces as single spaces. */
    private static String flat(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    private void logIn(String login) {
        new RequestDetailPage(browser, base).logIn(login);
    }

    @Test
    void anAgentFiltersTheQueueOpensARequestReadsItsChecksAndValidatesIt() throws Exception {
        SampleFiles files = new SampleFiles(tmp);
        String tag = Long.toString(System.nanoTime(), 36);
        String enrolment = new EnrolmentWizardPage(browser, base).enrolKalinka(files, tag,
                new Person("Martin", "Maelys", "financement." + tag + "@kalinka.fr", "0326212121"));
        Database.update("update enrolment_request set status = 'VALIDEE' where request_number = ?", enrolment);
        String supplier = "deposant." + tag + "@kalinka.fr";
        String client = String.format("8%08d", System.nanoTime() % 100_000_000L);
        String other = fundingRequest(enrolment, supplier, String.format("7%08d", System.nanoTime() % 100_000_000L));
        String number = fundingRequest(enrolment, supplier, client);

        logIn(AGENT);
        browser.open(base + "backoffice/financements.xhtml");
        Axe.assertNoViolations(browser, "the funding queue");
        browser.type("queue:siret", "811207059");
        browser.type("queue:fournisseur", "kalink");
        browser.click("queue:search");
        browser.waitForAjax();
        By link = By.linkText(number);
        browser.waiting().until(d -> !d.findElements(link).isEmpty());

        // "Valider la sélection" on the other request, checked in its row.
        browser.click(By.cssSelector("input[aria-label='Sélectionner la demande " + other + "']"));
        browser.click("queue:validateSelection");
        browser.waitForAjax();
        browser.waiting().until(d -> !d.findElements(By.id("resultat-" + other)).isEmpty());
        assertThat(browser.textNow("resultat-" + other)).isEqualTo(other + " : Validée.");
        assertThat(Database.count("select count(*) from funding_request where request_number = ? "
                + "and status = 'AVANCE_VALIDEE'", other)).isEqualTo(1);
        browser.click(link);

        browser.waiting().until(d -> d.getCurrentUrl().contains("financement.xhtml?numero=" + number));
        assertThat(browser.textNow("requestNumber")).isEqualTo(number);
        assertThat(browser.textNow("status")).isEqualTo("Avance déposée");
        String amounts = flat(browser.textNow("amounts"));
        assertThat(amounts).contains("Montant retenu 9 000,00 € 10 800,00 €").contains("Avance (30 %) 2 700,00 € 3 240,00 €");
        List<String> checks = browser.driver().findElements(By.cssSelector("#checks tbody tr")).stream()
                .map(WebElement::getText).map(AgentFundingJourneyIT::flat).toList();
        assertThat(checks).hasSize(8);
        assertThat(checks).anyMatch(c -> c.startsWith("Client dans son référentiel À vérifier") && c.contains(client));
        assertThat(checks).anyMatch(c -> c.startsWith("Montants dans le plafond Conforme"));
        assertThat(checks).anyMatch(c -> c.startsWith("Pièces présentes À vérifier") && c.contains("Bon de commande signé"));
        assertThat(checks).anyMatch(c -> c.startsWith("Enrôlement validé Conforme"));
        Axe.assertNoViolations(browser, "a funding request's detail");

        browser.click("detail:validate");
        browser.waiting().until(d -> "Avance validée".equals(d.findElement(By.id("status")).getText()));
        assertThat(browser.driver().getPageSource()).contains("La demande a été validée.");
        assertThat(Database.count("select count(*) from funding_request where request_number = ? "
                + "and status = 'AVANCE_VALIDEE'", number)).isEqualTo(1);
        assertThat(browser.driver().findElements(By.id("detail:validate"))).isEmpty();
        MimeMessage told = Mailbox.awaitMail(greenMail, supplier, number);
        assertThat(Mailbox.text(told)).contains("a validé l'avance de votre demande de financement n° " + number);
    }

    @Test
    void anAdministratorCreatesACallAndImportsACallFile() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        String code = "AF-TST-" + tag;
        logIn(ADMIN);
        browser.open(base + "admin/appels.xhtml");
        Axe.assertNoViolations(browser, "the funding calls");
        browser.click("calls:create");
        browser.present("calls:code");
        Axe.assertNoViolations(browser, "the funding call form");
        browser.type("calls:code", code);
        browser.type("calls:label", "Appel de test " + tag);
        new Select(browser.present("calls:couloir")).selectByVisibleText("Officine");
        browser.type("calls:dsr", "DSR-OFF-LGO-Va2");
        new Select(browser.present("calls:vague")).selectByVisibleText("2");
        new Select(browser.present("calls:clientKind")).selectByVisibleText("Établissement (FINESS)");
        browser.type("calls:flatCeiling", "1 500,00");
        browser.type("calls:avance", "40");
        new Select(browser.present("calls:soldeDocument")).selectByValue("VA");
        browser.type("calls:start", "01/01/2027 00:00");
        browser.type("calls:end", "30/06/2027 14:00");
        browser.type("calls:deadline", "30/06/2027 13:00");
        browser.click("calls:save");
        browser.waiting().until(d -> d.getPageSource().contains("La date limite du solde ne peut pas précéder"));
        browser.type("calls:deadline", "31/10/2027 14:00");
        browser.click("calls:save");
        browser.waiting().until(d -> d.getPageSource().contains("L'appel à financement " + code + " est enregistré."));
        assertThat(Database.count("select count(*) from funding_call where code = ? and vague = 2 and avance_rate = 0.4 "
                + "and flat_ceiling_ht = 1500.00 and solde_deadline = timestamp '2027-10-31 14:00:00'", code)).isEqualTo(1);

        String imported = "AF-IMP-" + tag;
        String header = String.join(";", "code", "libelle", "couloir", "dsr", "vague", "type_client", "plafond_ht",
                "base_plafond", "tranches", "part_avance", "document_solde", "debut_depot", "fin_depot", "limite_solde");
        String good = imported + ";Import de test;Biologie médicale;DSR-BIO-SGL-Va2;2;SIRET;;Organisation;Mono-site=10 000,00|Multi-sites=20 000,00;30;VA;01/01/2027 00:00;30/06/2027 14:00;31/10/2027 14:00";
        Path bad = tmp.resolve("appels-errones.csv");
        Files.writeString(bad, header + "\n" + good + "\n" + "AF-BAD-" + tag + ";Mauvais;Nulle part;DSR-X-Va1;1;FINESS;100;;;30;VA;01/01/2027 00:00;30/06/2027 14:00;31/10/2027 14:00\n",
                StandardCharsets.UTF_8);
        browser.driver().findElement(By.cssSelector("fieldset.import input[type=file]")).sendKeys(bad.toAbsolutePath().toString());
        browser.click("calls:import");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("tr.import-error")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector("tr.import-error")).getText())
                .matches("[0-9]+ Couloir inconnu : « Nulle part »\\.");
        assertThat(Database.count("select count(*) from funding_call where code = ?", imported)).isZero();
        Axe.assertNoViolations(browser, "the funding calls with a refused import");

        Path file = tmp.resolve("appels.csv");
        Files.writeString(file, header + "\n" + good + "\n", StandardCharsets.UTF_8);
        browser.driver().findElement(By.cssSelector("fieldset.import input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        browser.click("calls:import");
        browser.waiting().until(d -> d.getPageSource().contains("Import terminé : 1 appel(s) créé(s), 0 mis à jour."));
        assertThat(Database.count("select count(*) from funding_call c join funding_call_ceiling t on t.call_id = c.id "
                + "where c.code = ?", imported)).isEqualTo(2);
        assertThat(browser.driver().findElements(By.cssSelector(".call-code")).stream().map(WebElement::getText))
                .contains(code, imported);
    }
}
