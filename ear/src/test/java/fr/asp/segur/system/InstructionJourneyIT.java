package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole instruction in a real browser: a request submitted through the wizard, an agent takes it and asks
 * for a new RIB, the supplier answers from the emailed link, the agent sees the answer and validates, the
 * supplier chooses a password from the credentials email and finds the validated request in their space.
 */
class InstructionJourneyIT extends BrowserJourney {

    private static final String AGENT = "agent@asp-public.fr";
    private static final String SUPPLIER_PASSWORD = "Fournisseur-Segur-2026";

    private SampleFiles files;
    private String tag;
    private Person representative;

    @BeforeEach
    void names() {
        files = new SampleFiles(tmp);
        tag = Long.toString(System.nanoTime(), 36);
        representative = new Person("Martin", "Maelys", "instruction." + tag + "@kalinka.fr", "0326212121");
    }

    @Test
    void complementsAskedAnsweredThenValidatedAndTheSupplierSeesItInTheirSpace() throws Exception {
        String number = new EnrolmentWizardPage(browser, base).enrolKalinka(files, tag, representative);

        // The agent takes the request and asks for complements: a message and a new RIB.
        RequestDetailPage page = new RequestDetailPage(browser, base).logIn(AGENT).open(number);
        assertThat(page.status()).isEqualTo("Soumise");
        page.take();
        page.waitForMessage("Vous avez pris la demande en charge");
        assertThat(page.status()).isEqualTo("En instruction");

        String message = "Le RIB transmis est illisible, merci d'en fournir un nouveau (" + tag + ").";
        browser.click("detail:askForComplements");
        browser.visible("detail:complementsDialog");
        browser.type("detail:complementsMessage", message);
        By ribLabel = By.xpath("//*[@id='detail:complementsDocuments']//label[normalize-space(.)='RIB']");
        browser.click(ribLabel);
        WebElement ribBox = browser.driver().findElement(By.id(
                browser.driver().findElement(ribLabel).getDomAttribute("for")));
        browser.waiting().until(d -> ribBox.isSelected());
        browser.click("detail:complementsConfirm");
        browser.waitForAjax();
        browser.waiting().until(d -> "Compléments demandés".equals(page.status()));
        assertThat(page.isDialogOpen("complementsDialog")).isFalse();
        List<List<String>> history = page.history();
        assertThat(history.get(history.size() - 1)).containsSequence(AGENT, "En instruction", "Compléments demandés", message);
        assertThat(Database.request(number)).containsEntry("status", "COMPLEMENTS_DEMANDES");

        // The supplier's email: the message, the RIB to provide again and the link.
        MimeMessage asked = Mailbox.awaitMail(greenMail, representative.email(),
                "Compléments demandés pour votre demande d'enrôlement " + number);
        String askedText = Mailbox.text(asked);
        assertThat(askedText).contains(message).contains("- RIB");
        String complementsLink = link(askedText, "complements.xhtml");

        // The supplier answers from the link, with a new RIB.
        String newRib = "rib-nouveau-" + tag + ".pdf";
        browser.open(complementsLink);
        assertThat(browser.textNow("requestNumber")).isEqualTo(number);
        assertThat(browser.textNow("agentMessage")).isEqualTo(message);
        assertThat(browser.textNow("complements:RIB_status")).isEqualTo(EnrolmentWizardPage.NO_FILE);
        browser.present("complements:RIB_input").sendKeys(files.pdf(newRib).toAbsolutePath().toString());
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("complements:RIB_status"), EnrolmentWizardPage.FILE_UPLOADED + newRib));
        browser.waitForAjax();
        browser.type("complements:reply", "Voici le nouveau RIB.");
        browser.click("complements:send");
        browser.waitForAjax();
        assertThat(browser.visible("complementsSent").getText())
                .contains("Vos compléments ont bien été transmis. Votre demande est de nouveau en cours d'instruction.");
        assertThat(browser.isPresent("complements")).as("the form is gone once sent").isFalse();

        // The agent reloads the request: back in instruction, the answer in the history, two RIBs.
        page.open(number);
        assertThat(page.status()).isEqualTo("En instruction");
        history = page.history();
        assertThat(history.get(history.size() - 1)).containsSequence("fournisseur", "Compléments demandés", "En instruction");
        assertThat(history.get(history.size() - 1).get(4)).startsWith("Compléments reçus : RIB");
        List<String> ribs = browser.driver().findElements(By.cssSelector("[id='detail:documents_data'] tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .filter(cells -> !cells.isEmpty() && "RIB".equals(cells.get(0).getText().strip()))
                .map(cells -> cells.get(1).getText().strip()).toList();
        assertThat(ribs).containsExactlyInAnyOrder("rib-" + tag + ".pdf", newRib);

        // The agent validates.
        page.validate();
        page.waitForMessage("La demande a été validée");
        assertThat(page.status()).isEqualTo("Validée");
        assertThat(Database.request(number)).containsEntry("status", "VALIDEE");

        // The credentials email: a link to choose a password, never a password.
        MimeMessage credentials = Mailbox.awaitMail(greenMail, representative.email(), "Vos identifiants de connexion");
        String credentialsText = Mailbox.text(credentials);
        assertThat(credentialsText).contains(number).contains(representative.email());
        String passwordLink = link(credentialsText, "mot-de-passe.xhtml");

        browser.driver().manage().deleteAllCookies();
        browser.open(passwordLink);
        browser.type("password:newPassword", SUPPLIER_PASSWORD);
        browser.type("password:confirmation", SUPPLIER_PASSWORD);
        browser.click("password:save");
        browser.waitForAjax();
        assertThat(browser.visible("passwordSaved").getText()).contains("Votre mot de passe est enregistré.");

        // The supplier logs in and sees the validated request in their space.
        browser.open(base + "mon-espace");
        browser.type("j_username", representative.email());
        browser.type("j_password", SUPPLIER_PASSWORD);
        browser.click("loginSubmit");
        browser.waitForAjax();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/espace/index.xhtml"));
        assertThat(browser.textNow("connectedAs")).contains(representative.email());
        assertThat(browser.driver().getPageSource()).contains("Mes demandes d'enrôlement");
        WebElement request = browser.visible("demande-" + number);
        assertThat(request.findElement(By.cssSelector("h3 .status")).getText().strip()).isEqualTo("Validée");
        assertThat(request.findElement(By.tagName("h3")).getText()).contains(number);
    }

    /** The link to {@code page} in an email, on this test's server (the email names the default host and port). */
    private String link(String text, String page) {
        Matcher m = Pattern.compile("https?://\\S+/" + Pattern.quote(page) + "\\?jeton=[A-Za-z0-9_\\-%.~]+").matcher(text);
        assertThat(m.find()).as("a link to %s in:%n%s", page, text).isTrue();
        URI emailed = URI.create(m.group());
        return URI.create(base.toString()).resolve(emailed.getRawPath() + "?" + emailed.getRawQuery()).toString();
    }
}
