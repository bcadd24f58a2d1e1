package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.application.captcha.CaptchaService;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * "Contacter l'assistance" in a browser: the message becomes a numbered ticket, its author and the support
 * mailbox are emailed; a wrong captcha or missing fields store nothing; an agent answers by email and closes it.
 */
class ContactIT extends BrowserJourney {

    static final String SUPPORT_MAILBOX = "support-segur@asp-public.fr";

    private final String tag = Long.toString(System.nanoTime(), 36);

    @Test
    void aMessageBecomesATicketAcknowledgedToItsAuthorAndNotifiedToSupport() throws Exception {
        String email = "camille.roux." + tag + "@editeur-sante.fr";
        String description = "Je ne reçois pas mon accusé de réception " + tag + ".\nMerci de votre aide.";
        fill("Radiologie", "Enrôlement", "Roux", "Camille", email, "04 91 12 34 56", "0215jug63a", description);
        answerCaptchaRight();
        browser.click("contact:send");
        browser.waitForAjax();

        String number = browser.text("ticketNumber").strip();
        assertThat(number).matches("AST-\\d{4}-\\d{6}");
        assertThat(browser.text("ticketMessage")).contains("Un accusé de réception vous a été envoyé par courriel.");

        List<Map<String, Object>> rows = Database.rows("select status, couloir, phase, last_name, first_name, email, "
                + "phone, referencing_number, description from support_ticket where ticket_number = ?", number);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("status", "OUVERT").containsEntry("couloir", "RADIOLOGIE")
                .containsEntry("phase", "ENROLEMENT").containsEntry("last_name", "Roux")
                .containsEntry("first_name", "Camille").containsEntry("email", email)
                .containsEntry("phone", "0491123456").containsEntry("referencing_number", "0215jug63a")
                .containsEntry("description", description);

        MimeMessage acknowledgement = Mailbox.awaitMail(greenMail, email, number);
        assertThat(Mailbox.text(acknowledgement)).contains(number, "Radiologie", "Enrôlement", "0491123456",
                "Je ne reçois pas mon accusé de réception " + tag);
        MimeMessage notification = Mailbox.awaitMail(greenMail, SUPPORT_MAILBOX, number);
        assertThat(Mailbox.text(notification)).contains(number, "Camille", "Roux", email, "0215jug63a",
                "Je ne reçois pas mon accusé de réception " + tag);
    }

    @Test
    void aWrongCaptchaOrMissingFieldsAreRefusedAndNothingIsStored() {
        String email = "refus." + tag + "@editeur-sante.fr";
        browser.open(base + "contact.xhtml");
        browser.click("contact:send");
        browser.waitForAjax();
        String messages = browser.textNow("contact:messages");
        assertThat(messages).contains("Le couloir est obligatoire", "La phase est obligatoire", "Le nom est obligatoire.",
                "Le prénom est obligatoire.", "La description est obligatoire.");
        assertThat(browser.text("contact:lastNameMessage")).contains("Le nom est obligatoire.");
        assertThat(browser.present("contact:lastName").getDomAttribute("aria-describedby"))
                .contains("contact:lastNameMessage");

        fill("Officine", "Autre", "Bernard", "Léa", email, "0612345678", "", "Question " + tag);
        browser.click("contact:send");
        browser.waitForAjax();
        assertThat(browser.textNow("contact:messages")).contains(CaptchaService.MISSING);
        CaptchaWidget captcha = new CaptchaWidget(browser, "contact", "captcha");
        captcha.forge(Fixtures.captchaPayload(captcha.challengeJson(), -1));
        browser.click("contact:send");
        browser.waitForAjax();
        assertThat(browser.textNow("contact:messages")).contains(CaptchaService.WRONG);
        assertThat(browser.isPresent("ticketNumber")).isFalse();
        assertThat(Database.count("select count(*) from support_ticket where email = ?", email)).isZero();
        // What was typed is kept, so that only the captcha is to be ticked again.
        assertThat(browser.value("contact:lastName")).isEqualTo("Bernard");
    }

    @Test
    void anAgentAnswersByEmailAndClosesTheTicket() throws Exception {
        String email = "jules.petit." + tag + "@pharmacie-centrale.fr";
        fill("Officine", "Demande d'avance", "Petit", "Jules", email, "0326212121", "", "Où est mon avance " + tag + " ?");
        answerCaptchaRight();
        browser.click("contact:send");
        browser.waitForAjax();
        String number = browser.text("ticketNumber").strip();

        new RequestDetailPage(browser, base).logIn(People.AGENT);
        browser.open(base + "backoffice/index.xhtml");
        browser.click(By.linkText("Demandes d'assistance"));
        browser.click(By.linkText(number));
        browser.waitForAjax();
        assertThat(browser.text("ticketNumber")).isEqualTo(number);
        assertThat(browser.text("status")).isEqualTo("Ouvert");
        assertThat(browser.text("description")).contains("Où est mon avance " + tag + " ?");

        // An empty answer is refused.
        browser.click("ticket:sendAnswer");
        browser.waitForAjax();
        assertThat(browser.text("ticket:answerMessage")).contains("La réponse est obligatoire.");

        String answer = "Votre avance sera versée après validation de votre enrôlement " + tag + ".";
        browser.type("ticket:answer", answer);
        browser.click("ticket:sendAnswer");
        browser.waitForAjax();
        browser.waiting().until(d -> browser.textNow("answers").contains(answer));
        assertThat(browser.textNow("answers")).contains("Par " + People.AGENT);

        MimeMessage reply = Mailbox.awaitMail(greenMail, email, "Réponse à votre demande d'assistance " + number);
        assertThat(Mailbox.text(reply)).contains(answer, number);

        browser.click("ticket:close");
        browser.waitForAjax();
        browser.waiting().until(d -> "Clos".equals(browser.textNow("status")));
        assertThat(browser.textNow("closedBy")).contains(People.AGENT);
        assertThat(browser.isPresent("ticket:sendAnswer")).isFalse();

        assertThat(Database.rows("select status, closed_by from support_ticket where ticket_number = ?", number).get(0))
                .containsEntry("status", "CLOS").containsEntry("closed_by", People.AGENT);
        assertThat(Database.rows("select author, body from support_answer a join support_ticket t on t.id = a.ticket_id "
                + "where t.ticket_number = ?", number)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("author", People.AGENT).containsEntry("body", answer));
        assertThat(Database.rows("select action from audit_event where request_number = ? order by id", number).stream()
                .map(r -> r.get("action")).toList()).containsExactly("REPONSE_ASSISTANCE", "CLOTURE_ASSISTANCE");

        // The list shows it closed.
        browser.open(base + "backoffice/assistance.xhtml");
        assertThat(browser.text("tickets")).contains(number);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private void fill(String couloir, String phase, String lastName, String firstName, String email, String phone,
                      String referencingNumber, String description) {
        if (!browser.driver().getCurrentUrl().contains("contact.xhtml")) {
            // As the guide says: from the portal, « Contacter l'assistance ».
            browser.open(base.toString());
            browser.click(By.linkText("Contacter l'assistance"));
            browser.waitForAjax();
        }
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Contacter l'assistance");
        new Select(browser.present("contact:couloir")).selectByVisibleText(couloir);
        new Select(browser.present("contact:phase")).selectByVisibleText(phase);
        browser.type("contact:lastName", lastName);
        browser.type("contact:firstName", firstName);
        browser.type("contact:email", email);
        browser.type("contact:phone", phone);
        browser.type("contact:referencingNumber", referencingNumber);
        browser.type("contact:description", description);
    }

    /** Ticks "Je ne suis pas un robot" and waits for the browser to solve the proof of work. */
    private void answerCaptchaRight() {
        new CaptchaWidget(browser, "contact", "captcha").solve();
    }
}
