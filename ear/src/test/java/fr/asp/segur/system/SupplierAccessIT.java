package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.TiersQuality;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guide steps 9 and 10: validation opens the filer's access. A new account gets a single-use link to
 * choose a password (never a password by email); the supplier then logs in and sees only the
 * requests of their own companies. Existing accounts get the new company added.
 */
@ExtendWith(ArquillianExtension.class)
class SupplierAccessIT {

    private static final String NEW_PASSWORD = "Fournisseur-Segur-2026";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(SupplierAccessIT.class, Fixtures.class, People.class, WebClient.class);
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    InstructionService instruction;
    @EJB
    AccountService accounts;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private static String base() {
        return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/segurnum/";
    }

    private String submit(EnrolmentForm form, DocumentKind... kinds) {
        return Fixtures.submit(enrolment, documents, captcha, form, kinds);
    }

    private void validate(String number) throws Exception {
        People.as(People.AGENT, () -> instruction.take(number, version(number)));
        People.as(People.AGENT, () -> instruction.validate(number, version(number)));
    }

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    private String mailBody(String recipient, String subjectPart) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select text_body from mail_message where recipient = ? and subject like ? order by id desc")) {
            ps.setString(1, recipient);
            ps.setString(2, "%" + subjectPart + "%");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "an email '" + subjectPart + "' to " + recipient);
                return rs.getString(1);
            }
        }
    }

    @Test
    void aTiersDeclarantGetsAnAccountChoosesAPasswordAndSeesOnlyTheirRequest() throws Exception {
        String depositaire = "depositaire-" + System.nanoTime() + "@compta.fr";
        EnrolmentForm form = Fixtures.representativeForm("representant-" + System.nanoTime() + "@kalinka.fr");
        Fixtures.makeTiers(form, TiersQuality.EMPLOYE, depositaire);
        String number = submit(form, DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT,
                DocumentKind.PIECE_IDENTITE_DEPOSITAIRE, DocumentKind.MANDAT_REPRESENTANT, DocumentKind.RIB);
        String otherCompany = submit(Fixtures.representativeForm("autre-" + System.nanoTime() + "@kalinka.fr"),
                DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
        Fixtures.execute(ds, "update enrolment_request set siret = '47992882200069' where request_number = ?", otherCompany);

        validate(number);

        String credentials = mailBody(depositaire, "Vos identifiants");
        assertTrue(credentials.contains("Votre identifiant : " + depositaire), credentials);
        assertFalse(credentials.toLowerCase().contains("mot de passe :"), "no password is ever sent by email");
        Matcher link = Pattern.compile("mot-de-passe\\.xhtml\\?jeton=([A-Za-z0-9_-]+)").matcher(credentials);
        assertTrue(link.find(), credentials);

        // The supplier follows the link and chooses a password on the page.
        WebClient supplier = new WebClient(base());
        HttpResponse<String> page = supplier.get("mot-de-passe.xhtml?jeton=" + link.group(1));
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(viewState.find(), page.body());
        String form2 = "password=password&password%3AnewPassword=" + URLEncoder.encode(NEW_PASSWORD, StandardCharsets.UTF_8)
                + "&password%3Aconfirmation=" + URLEncoder.encode(NEW_PASSWORD, StandardCharsets.UTF_8)
                + "&password%3Asave=&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)
                + primeFacesNonce(page);
        HttpResponse<String> saved = supplier.post("mot-de-passe.xhtml?jeton=" + link.group(1), form2);
        assertTrue(saved.body().contains("Votre mot de passe est enregistré"), saved.body());

        // The link served once.
        BusinessRuleException reused = assertThrows(BusinessRuleException.class,
                () -> accounts.choosePasswordWithLink(link.group(1), NEW_PASSWORD, NEW_PASSWORD));
        assertEquals(AccountService.LINK_UNUSABLE, reused.getMessage());

        // Logged in, the supplier sees their request, validated, and not the other company's.
        WebClient logged = new WebClient(base());
        logged.get("mon-espace");
        HttpResponse<String> space = logged.login(depositaire, NEW_PASSWORD);
        assertTrue(space.body().contains("Mes demandes d'enrôlement"), space.body());
        assertTrue(space.body().contains(number) && space.body().contains("Validée"), space.body());
        assertFalse(space.body().contains(otherCompany), "another company's request stays hidden");
        assertEquals(403, logged.get("backoffice/index.xhtml").statusCode(), "a supplier is no agent");

        // Their own documents download; another company's do not, whatever id is typed.
        long own = Fixtures.count(ds, "select min(d.id) from document d join enrolment_request r on r.id = d.request_id "
                + "where r.request_number = ?", number);
        long foreign = Fixtures.count(ds, "select min(d.id) from document d join enrolment_request r on r.id = d.request_id "
                + "where r.request_number = ?", otherCompany);
        HttpResponse<byte[]> mine = logged.getBytes("espace/document?id=" + own);
        assertEquals(200, mine.statusCode());
        assertTrue(new String(mine.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals(404, logged.getBytes("espace/document?id=" + foreign).statusCode());
        assertEquals(404, logged.getBytes("espace/document?id=999999999").statusCode());
    }

    @Test
    void anExistingAccountGetsTheNewCompanyWithoutNewCredentials() throws Exception {
        String email = "multi-" + System.nanoTime() + "@kalinka.fr";
        String first = submit(Fixtures.representativeForm(email),
                DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
        validate(first);
        Matcher link = Pattern.compile("jeton=([A-Za-z0-9_-]+)").matcher(mailBody(email, "Vos identifiants"));
        assertTrue(link.find());
        accounts.choosePasswordWithLink(link.group(1), NEW_PASSWORD, NEW_PASSWORD);

        String second = submit(Fixtures.representativeForm(email),
                DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
        Fixtures.execute(ds, "update enrolment_request set siret = '47992882200069', denomination = "
                + "'ASSOCIATION SERVICES MEDIATION' where request_number = ?", second);
        validate(second);

        assertEquals(1, Fixtures.count(ds, "select count(*) from mail_message where recipient = ? "
                + "and subject like '%Vos identifiants%'", email), "credentials are sent once");
        assertTrue(mailBody(email, "Ouverture de vos accès").contains("ASSOCIATION SERVICES MEDIATION"));
        assertEquals(2, Fixtures.count(ds, "select count(*) from account_company c join app_account a "
                + "on a.id = c.account_id where a.login = ?", email));
    }

    /**
     * What PrimeFaces' script sends with a form under the Content-Security-Policy (its CSP mode checks it on
     * postback): the page's nonce, as the policy header names it.
     */
    private static String primeFacesNonce(HttpResponse<String> page) {
        Matcher nonce = Pattern.compile("'nonce-([^']+)'")
                .matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
        return nonce.find() ? "&primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8) : "";
    }
}
