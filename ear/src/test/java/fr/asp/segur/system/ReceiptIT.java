package fr.asp.segur.system;

import static fr.asp.segur.system.EnrolmentWizardPage.GUIDE_BIC;
import static fr.asp.segur.system.EnrolmentWizardPage.GUIDE_IBAN;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SIRET;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SOFTWARE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * The PDF récapitulatif: after « Terminer » the filer downloads it, it holds the number, the date, every field
 * and the documents' names, the acknowledgement email carries the same PDF, and nobody else may download it.
 */
class ReceiptIT extends BrowserJourney {

    private static final String FOREIGN_SUPPLIER = "fournisseur-recapitulatif@autre-editeur.fr";

    @Test
    void theFilerDownloadsTheReceiptWhichTheAcknowledgementAlsoCarriesAndNobodyElseMay() throws Exception {
        SampleFiles files = new SampleFiles(tmp);
        String tag = Long.toString(System.nanoTime(), 36);
        Person representative = new Person("Martin", "Maelys", "maelys.recap." + tag + "@kalinka.fr", "0326212121");
        String number = new EnrolmentWizardPage(browser, base).enrolKalinka(files, tag, representative);

        // The confirmation offers the download, in the session that submitted.
        String href = browser.present("receiptLink").getDomAttribute("href");
        assertThat(href).endsWith("/recapitulatif?numero=" + number);
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> download = get("recapitulatif?numero=" + number, "JSESSIONID=" + session.getValue());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("recapitulatif-" + number + ".pdf"));

        String text = text(download.body());
        Timestamp submittedAt = (Timestamp) Database.rows("select submitted_at from enrolment_request where request_number = ?",
                number).get(0).get("submitted_at");
        String date = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm").format(submittedAt.toLocalDateTime());
        assertThat(text).contains("Récapitulatif de la demande d'enrôlement", number, date,
                KALINKA_SOFTWARE, "RADIO RIS LOGICIEL 1", "2.1", "Radiologie",
                KALINKA_SIRET, "KALINKA", "23", "PLACE", "THIARS", "13001", "MARSEILLE 01",
                "Je suis le représentant légal du fournisseur : Oui", "Martin", "Maelys", representative.email(),
                "0326212121", GUIDE_IBAN, GUIDE_BIC, "MARTIN MAELYS", "CE MID PYRENEES TOULOUSE",
                "Certificat de référencement : certificat-" + tag + ".pdf", "cni-" + tag + ".png", "RIB : rib-" + tag + ".pdf");

        // The acknowledgement email carries the same récapitulatif.
        MimeMessage acknowledgement = Mailbox.awaitMail(greenMail, representative.email(), number);
        Map<String, byte[]> attachments = Mailbox.attachments(acknowledgement);
        assertThat(attachments).containsOnlyKeys("recapitulatif-" + number + ".pdf");
        assertThat(text(attachments.get("recapitulatif-" + number + ".pdf"))).isEqualTo(text);
        assertThat(Mailbox.text(acknowledgement)).contains(number, "Le récapitulatif complet de votre demande est joint");

        // Anyone else: refused, exactly like a number that does not exist.
        assertThat(get("recapitulatif?numero=" + number, null).statusCode()).as("anonymous").isEqualTo(404);
        WebClient otherVisitor = new WebClient(base.toString());
        otherVisitor.get("enrolement.xhtml");
        assertThat(otherVisitor.getBytes("recapitulatif?numero=" + number).statusCode()).as("another session")
                .isEqualTo(404);
        supplierAccount(FOREIGN_SUPPLIER, null);
        WebClient foreign = new WebClient(base.toString());
        assertThat(foreign.loginThrough("mon-espace", FOREIGN_SUPPLIER).statusCode()).isEqualTo(200);
        assertThat(foreign.getBytes("recapitulatif?numero=" + number).statusCode()).as("a supplier of another company")
                .isEqualTo(404);
        assertThat(get("recapitulatif?numero=ENR00001X", "JSESSIONID=" + session.getValue()).statusCode())
                .as("another number from the filer's session").isEqualTo(404);

        // An account of the same company not named in the request: refused too (issue 11, least privilege).
        String colleague = "collegue-recapitulatif." + tag + "@kalinka.fr";
        supplierAccount(colleague, KALINKA_SIRET);
        WebClient sameCompany = new WebClient(base.toString());
        assertThat(sameCompany.loginThrough("mon-espace", colleague).statusCode()).isEqualTo(200);
        assertThat(sameCompany.getBytes("recapitulatif?numero=" + number).statusCode())
                .as("a colleague the request was not shared with").isEqualTo(404);

        // The legal representative named in it, once they have an account, downloads it from their space.
        String owner = representative.email();
        supplierAccount(owner, KALINKA_SIRET);
        WebClient supplier = new WebClient(base.toString());
        assertThat(supplier.loginThrough("espace/index.xhtml", owner).body())
                .contains("/recapitulatif?numero=" + number);
        HttpResponse<byte[]> forSupplier = supplier.getBytes("recapitulatif?numero=" + number);
        assertThat(forSupplier.statusCode()).isEqualTo(200);
        assertThat(text(forSupplier.body())).isEqualTo(text);

        // The service gestion may read it (and the opening is audited).
        WebClient agent = new WebClient(base.toString());
        agent.loginThrough("backoffice/index.xhtml", People.AGENT);
        HttpResponse<byte[]> forAgent = agent.getBytes("recapitulatif?numero=" + number);
        assertThat(forAgent.statusCode()).isEqualTo(200);
        assertThat(text(forAgent.body())).isEqualTo(text);
        assertThat(Database.count("select count(*) from audit_event where action = 'CONSULTATION_RECAPITULATIF' "
                + "and request_number = ?", number)).isEqualTo(1);
    }

    private HttpResponse<byte[]> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The PDF's text; the no-break spaces French puts before « : » read as plain spaces. */
    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
        }
    }

    /** A supplier account with the demo password (hash copied from the demo agent), holding {@code siret} if given. */
    private static void supplierAccount(String login, String siret) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("test.db.url"),
                System.getProperty("test.db.user"), System.getProperty("test.db.password"))) {
            try (PreparedStatement ps = c.prepareStatement("insert into app_account (login, email, display_name, "
                    + "password_hash, enabled, failed_logins, created_at, version) select ?, ?, 'Fournisseur', "
                    + "password_hash, true, 0, current_timestamp, 0 from app_account where login = ? "
                    + "and not exists (select 1 from app_account where login = ?)")) {
                ps.setString(1, login);
                ps.setString(2, login);
                ps.setString(3, People.AGENT);
                ps.setString(4, login);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into account_role (account_id, role) select id, "
                    + "'fournisseur' from app_account a where login = ? and not exists (select 1 from account_role r "
                    + "where r.account_id = a.id)")) {
                ps.setString(1, login);
                ps.executeUpdate();
            }
            if (siret != null) {
                try (PreparedStatement ps = c.prepareStatement("insert into account_company (account_id, siret) "
                        + "select id, ? from app_account where login = ?")) {
                    ps.setString(1, siret);
                    ps.setString(2, login);
                    ps.executeUpdate();
                }
            }
        }
    }
}
