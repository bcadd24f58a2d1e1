package fr.asp.segur.system;

import static fr.asp.segur.system.EnrolmentWizardPage.GUIDE_BIC;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SIRET;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SOFTWARE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The back office's detail screen in a real browser: a supplier submits a request through the wizard, then an
 * agent logs in, opens it from the list, reads the data and the automatic checks, opens documents (each opening
 * audited), takes the request and decides. Also: a rejection needs its motivation, the second of two agents
 * acting at once is told, and documents are never served to an anonymous visitor.
 */
class RequestDetailJourneysIT extends BrowserJourney {

    private static final String AGENT = "agent@asp-public.fr";
    private static final String SUPERVISEUR = "superviseur@asp-public.fr";

    private SampleFiles files;
    /** Makes this test's emails and file names its own, so that reruns and other tests never match them. */
    private String tag;
    private Person representative;

    @BeforeEach
    void names() {
        files = new SampleFiles(tmp);
        tag = Long.toString(System.nanoTime(), 36);
        representative = new Person("Martin", "Maelys", "detail." + tag + "@kalinka.fr", "0326212121");
    }

    @Test
    void anAgentReadsTheRequestOpensADocumentTakesItAndValidatesIt() throws Exception {
        String number = new EnrolmentWizardPage(browser, base).enrolKalinka(files, tag, representative);
        String certificate = "certificat-" + tag + ".pdf";
        String identity = "cni-" + tag + ".png";

        // An anonymous visitor asking for a document gets the login page, never the file.
        long documentId = ((Number) Database.rows("select d.id from document d join enrolment_request r "
                + "on r.id = d.request_id where r.request_number = ? and d.kind = 'CERTIFICAT_REFERENCEMENT'", number)
                .get(0).get("id")).longValue();
        HttpResponse<byte[]> anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(base + "backoffice/document?id=" + documentId)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).contains("j_security_check").doesNotContain("%PDF");

        // The agent logs in, finds the request in the list and opens it.
        RequestDetailPage page = new RequestDetailPage(browser, base).logIn(AGENT).openFromList(number);
        assertThat(page.status()).isEqualTo("Soumise");
        assertThat(page.assignedAgent()).isEqualTo("Non attribuée");
        assertThat(page.block("detailSoftware")).contains(KALINKA_SOFTWARE, "RADIO RIS LOGICIEL 1", "2.1", certificate);
        assertThat(page.block("detailCompany")).contains(KALINKA_SIRET, "KALINKA", "PLACE", "THIARS", "13001",
                "MARSEILLE 01", "Éditeur du logiciel");
        assertThat(page.block("detailApplicant")).contains("Oui", "Martin", "Maelys", representative.email(),
                "0326212121", identity);
        assertThat(page.block("detailBank")).as("agents see the IBAN in full")
                .contains("FR76 1313 5000 8008 0026 7924 623", GUIDE_BIC, "MARTIN MAELYS", "CE MID PYRENEES TOULOUSE",
                        "rib-" + tag + ".pdf");
        assertThat(page.checks()).hasSize(4).allSatisfy(check -> assertThat(check).startsWith("✔ Conforme"));
        assertThat(String.join("\n", page.checks())).contains("N° de référencement ANS", "RADIO RIS LOGICIEL 1",
                "SIRET actif (SIRENE)", "Établissement actif", "Cohérence IBAN / BIC", "Éditeur / distributeur",
                "est l'éditeur du logiciel");
        assertThat(page.history()).hasSize(1);
        assertThat(page.history().get(0)).containsSequence("fournisseur", "—", "Soumise");

        // Opening the identity document shows the image and records the agent's view.
        assertThat(consultations(number)).isZero();
        page.showDocument(identity);
        page.waitForImageShown();
        browser.waiting().until(d -> consultations(number) == 1);
        assertThat(Database.rows("select actor, detail from audit_event where action = 'CONSULTATION_DOCUMENT' "
                + "and request_number = ?", number).get(0))
                .containsEntry("actor", AGENT).containsEntry("detail", "PIECE_IDENTITE_REPRESENTANT : " + identity);
        page.closeDocument();

        // A PDF is shown inline in the viewer.
        page.showDocument("rib-" + tag + ".pdf");
        assertThat(browser.present("documentPdf").getDomAttribute("type")).isEqualTo("application/pdf");
        assertThat(browser.present("documentPdf").getDomAttribute("data")).contains("/segurnum/backoffice/document?id=");
        page.closeDocument();

        // The download link serves the PDF as an attachment, with headers that let it run nothing; audited too.
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(page.downloadUrl(certificate))).header("Cookie", page.sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/pdf"));
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment; filename=\"" + certificate + "\""));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(download.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'none'"));
        assertThat(Database.count("select count(*) from audit_event where action = 'CONSULTATION_DOCUMENT' "
                + "and request_number = ? and detail = ?", number, "CERTIFICAT_REFERENCEMENT : " + certificate)).isEqualTo(1);

        // « Prendre la demande », then « Valider ».
        page.take();
        page.waitForMessage("Vous avez pris la demande en charge");
        assertThat(page.status()).isEqualTo("En instruction");
        assertThat(page.assignedAgent()).isEqualTo(AGENT);
        assertThat(page.hasAction("take")).isFalse();

        page.validate();
        page.waitForMessage("La demande a été validée");
        assertThat(page.status()).isEqualTo("Validée");
        assertThat(page.hasAction("validate")).as("a validated request allows no more decisions").isFalse();
        List<List<String>> history = page.history();
        assertThat(history).hasSize(3);
        assertThat(history.get(1)).containsSequence(AGENT, "Soumise", "En instruction");
        assertThat(history.get(2)).containsSequence(AGENT, "En instruction", "Validée");
        assertThat(Database.request(number)).containsEntry("status", "VALIDEE");

        MimeMessage validation = Mailbox.awaitMail(greenMail, representative.email(),
                "Validation de votre demande d'enrôlement " + number);
        assertThat(Mailbox.text(validation)).contains(number);
    }

    @Test
    void aRejectionWithoutMotivationIsRefusedWithItsMessage() throws Exception {
        String number = new EnrolmentWizardPage(browser, base).enrolKalinka(files, tag, representative);
        RequestDetailPage page = new RequestDetailPage(browser, base).logIn(AGENT).open(number);
        page.take();
        page.waitForMessage("Vous avez pris la demande en charge");

        page.reject("   ");
        String refusal = "La motivation est obligatoire pour passer la demande à l'état « Rejetée ».";
        page.waitForMessage(refusal);
        assertThat(page.isDialogOpen("rejectDialog")).as("the dialog stays open to type the motivation").isTrue();
        assertThat(page.dialogMessages("rejectMessages")).contains(refusal);
        assertThat(page.status()).isEqualTo("En instruction");
        assertThat(Database.request(number)).containsEntry("status", "EN_INSTRUCTION");

        String motivation = "Le RIB ne correspond pas au titulaire (" + tag + ").";
        page.reject(motivation);
        page.waitForMessage("La demande a été rejetée");
        assertThat(page.isDialogOpen("rejectDialog")).isFalse();
        assertThat(page.status()).isEqualTo("Rejetée");
        List<List<String>> history = page.history();
        assertThat(history.get(history.size() - 1)).containsSequence(AGENT, "En instruction", "Rejetée", motivation);

        MimeMessage rejection = Mailbox.awaitMail(greenMail, representative.email(),
                "Rejet de votre demande d'enrôlement " + number);
        assertThat(Mailbox.text(rejection)).contains(motivation);
    }

    @Test
    void whenTwoAgentsActAtOnceTheSecondIsToldAndSeesTheNewState() throws Exception {
        String number = new EnrolmentWizardPage(browser, base).enrolKalinka(files, tag, representative);
        Browser other = new Browser();
        other.beforeEach(null);
        try {
            RequestDetailPage agent = new RequestDetailPage(browser, base).logIn(AGENT).open(number);
            RequestDetailPage supervisor = new RequestDetailPage(other, base).logIn(SUPERVISEUR).open(number);
            assertThat(agent.status()).isEqualTo("Soumise");
            assertThat(supervisor.status()).isEqualTo("Soumise");

            agent.take();
            agent.waitForMessage("Vous avez pris la demande en charge");

            supervisor.take();
            String told = supervisor.waitForMessage("modifiée par un autre agent");
            assertThat(told).contains("Cette demande vient d'être modifiée par un autre agent. "
                    + "Rechargez-la pour voir son état actuel avant d'agir.");
            assertThat(supervisor.status()).as("the page shows the request as it is now").isEqualTo("En instruction");
            assertThat(supervisor.assignedAgent()).isEqualTo(AGENT);
            assertThat(supervisor.hasAction("take")).isFalse();
            assertThat(supervisor.hasAction("validate")).isTrue();
        } finally {
            other.afterEach(null);
        }
        assertThat(Database.request(number)).containsEntry("status", "EN_INSTRUCTION");
        assertThat(Database.count("select count(*) from request_history h join enrolment_request r "
                + "on r.id = h.request_id where r.request_number = ?", number)).isEqualTo(2);
        assertThat(Database.count("select count(*) from enrolment_request where request_number = ? "
                + "and assigned_agent = ?", number, AGENT)).isEqualTo(1);
    }

    private static long consultations(String number) {
        return Database.count("select count(*) from audit_event where action = 'CONSULTATION_DOCUMENT' "
                + "and request_number = ?", number);
    }
}
