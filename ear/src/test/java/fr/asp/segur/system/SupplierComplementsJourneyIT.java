package fr.asp.segur.system;

import static fr.asp.segur.system.EnrolmentWizardPage.GUIDE_IBAN;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SIRET;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * In a real browser: an agent asks the supplier to correct the IBAN and the representative's email; the
 * supplier, logged in, finds "Répondre" in their space, is refused a wrong IBAN with the wizard's message,
 * corrects both fields; the agent sees the new values and the change (IBAN masked) in the history.
 */
class SupplierComplementsJourneyIT extends BrowserJourney {

    private static final String NEW_IBAN = "FR7613135000801234567890127";
    private static final String AGENT = "agent@asp-public.fr";

    @Test
    void theSupplierCorrectsTheAskedFieldsFromTheirSpace() throws Exception {
        SampleFiles files = new SampleFiles(tmp);
        String tag = Long.toString(System.nanoTime(), 36);
        Person representative = new Person("Martin", "Maelys", "correction." + tag + "@kalinka.fr", "0326212121");
        String number = new EnrolmentWizardPage(browser, base).enrolKalinka(files, tag, representative);

        // The agent asks for the IBAN and the representative's email to be corrected.
        RequestDetailPage page = new RequestDetailPage(browser, base).logIn(AGENT).open(number);
        page.take();
        page.waitForMessage("Vous avez pris la demande en charge");
        browser.click("detail:askForComplements");
        browser.visible("detail:complementsDialog");
        browser.type("detail:complementsMessage", "L'IBAN ne correspond pas au RIB ; l'email du représentant est erroné.");
        for (String label : List.of("IBAN", "Email du représentant légal")) {
            By box = By.xpath("//*[@id='detail:complementsFields']//label[normalize-space(.)=\"" + label + "\"]");
            browser.click(box);
            browser.waiting().until(d -> d.findElement(By.id(d.findElement(box).getDomAttribute("for"))).isSelected());
        }
        browser.click("detail:complementsConfirm");
        browser.waitForAjax();
        browser.waiting().until(d -> "Compléments demandés".equals(page.status()));
        MimeMessage asked = Mailbox.awaitMail(greenMail, representative.email(),
                "Compléments demandés pour votre demande d'enrôlement " + number);
        assertThat(Mailbox.text(asked)).contains("Informations à corriger").contains("- IBAN")
                .contains("- Email du représentant légal");

        // The supplier logs in: "Répondre" in their space leads to the answer page, without the emailed link.
        // The representative named in the request (SupplierAccess), with an account.
        String supplier = representative.email();
        Database.supplierAccount(supplier, KALINKA_SIRET);
        browser.driver().manage().deleteAllCookies();
        new RequestDetailPage(browser, base).logIn(supplier);
        browser.open(base + "espace/index.xhtml");
        browser.click("repondre-" + number);
        browser.waiting().until(d -> d.getCurrentUrl().contains("espace/complements.xhtml"));
        assertThat(browser.textNow("requestNumber")).isEqualTo(number);
        assertThat(browser.textNow("currentIban")).isEqualTo("FR76 **** **** **** **** ***4 623");
        assertThat(browser.textNow("currentEmail")).isEqualTo(representative.email());
        assertThat(browser.isPresent("complements:bic")).as("only the asked fields").isFalse();

        // A wrong IBAN: the wizard's message, nothing sent.
        String newEmail = "maelys.martin." + tag + "@kalinka.fr";
        browser.type("complements:iban", "FR7613135000801234567890128");
        browser.type("complements:representativeEmail", newEmail);
        browser.type("complements:representativeEmailConfirmation", newEmail);
        browser.click("complements:send");
        browser.waitForAjax();
        browser.waiting().until(d -> d.findElement(By.id("complements:messages")).getText()
                .contains("La clé de contrôle de l'IBAN est incorrecte."));
        assertThat(Database.request(number)).containsEntry("iban", GUIDE_IBAN).containsEntry("status", "COMPLEMENTS_DEMANDES");

        browser.type("complements:iban", "FR76 1313 5000 8012 3456 7890 127");
        browser.click("complements:send");
        browser.waitForAjax();
        assertThat(browser.visible("complementsSent").getText()).contains("Vos compléments ont bien été transmis.");
        browser.open(base + "espace/index.xhtml");
        assertThat(browser.isPresent("repondre-" + number)).as("nothing more to answer").isFalse();

        // The agent sees the corrected values and the change in the history, the IBAN masked.
        browser.driver().manage().deleteAllCookies();
        new RequestDetailPage(browser, base).logIn(AGENT).open(number);
        assertThat(page.status()).isEqualTo("En instruction");
        assertThat(browser.textNow("iban").replace(" ", "")).isEqualTo(NEW_IBAN);
        List<List<String>> history = page.history();
        String motivation = history.get(history.size() - 1).get(4);
        assertThat(motivation)
                .contains("IBAN : FR76 **** **** **** **** ***4 623 → FR76 **** **** **** **** ***0 127")
                .contains("Email du représentant légal : " + representative.email() + " → " + newEmail)
                .doesNotContain(NEW_IBAN);
        assertThat(Database.people((Long) Database.request(number).get("id")).get("REPRESENTANT"))
                .containsEntry("email", newEmail);
    }
}
