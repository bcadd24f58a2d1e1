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
import fr.asp.segur.application.supplier.SupplierAccess;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.TiersQuality;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * Issue 11, least privilege: a tiers déclarant who filed for a company does not see what the company's legal
 * representative filed later (space, document download, récapitulatif), until the representative shares that
 * request; revoking the share closes every path again. Each path is the one a browser uses, over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class LeastPrivilegeIT {

    private static final String PASSWORD = "Fournisseur-Segur-2026";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(LeastPrivilegeIT.class, Fixtures.class, People.class, WebClient.class);
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
    @EJB
    SupplierAccess access;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    @Test
    void aTiersDeclarantSeesTheRepresentativesRequestOnlyWhileItIsShared() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String tiers = "tiers-" + tag + "@compta.fr";
        String representative = "representant-" + tag + "@kalinka.fr";

        EnrolmentForm byTiers = Fixtures.representativeForm(representative);
        Fixtures.makeTiers(byTiers, TiersQuality.EMPLOYE, tiers);
        String filedByTiers = Fixtures.submit(enrolment, documents, captcha, byTiers,
                DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT,
                DocumentKind.PIECE_IDENTITE_DEPOSITAIRE, DocumentKind.MANDAT_REPRESENTANT, DocumentKind.RIB);
        validate(filedByTiers);
        choosePassword(tiers);
        String filedByRepresentative = Fixtures.submit(enrolment, documents, captcha,
                Fixtures.representativeForm(representative),
                DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
        validate(filedByRepresentative);
        choosePassword(representative);
        long representativesRib = documentId(filedByRepresentative, "RIB");
        long representativesId = documentId(filedByRepresentative, "PIECE_IDENTITE_REPRESENTANT");
        long tiersOwnRib = documentId(filedByTiers, "RIB");

        WebClient tiersBrowser = loggedIn(tiers);
        String tiersSpace = space(tiersBrowser);
        assertTrue(tiersSpace.contains(filedByTiers), tiersSpace);
        assertFalse(tiersSpace.contains(filedByRepresentative), "the representative's request stays hidden");
        assertEquals(200, tiersBrowser.getBytes("espace/document?id=" + tiersOwnRib).statusCode());
        assertHidden(tiersBrowser, filedByRepresentative, representativesRib, representativesId);

        // The representative sees both: the one they filed and the one that names them.
        WebClient representativeBrowser = loggedIn(representative);
        String representativeSpace = space(representativeBrowser);
        assertTrue(representativeSpace.contains(filedByTiers) && representativeSpace.contains(filedByRepresentative)
                && representativeSpace.contains("Partager avec le compte fournisseur"), representativeSpace);
        assertFalse(tiersSpace.contains("Partager avec le compte fournisseur"), "only the representative shares");

        // Only the representative named in the request may share it, and only with an account of the company.
        assertEquals("Seul le représentant légal nommé dans la demande peut la partager ou retirer un partage.", assertThrows(BusinessRuleException.class,
                () -> as(tiers, () -> access.share(filedByTiers, "quelqu-un@kalinka.fr"))).getMessage());
        assertEquals("Cette demande est introuvable.", assertThrows(BusinessRuleException.class,
                () -> as(tiers, () -> access.share(filedByRepresentative, tiers))).getMessage());
        assertTrue(assertThrows(BusinessRuleException.class, () -> as(representative,
                () -> access.share(filedByRepresentative, "inconnu-" + tag + "@x.fr"))).getMessage()
                .startsWith("Aucun compte fournisseur"));

        as(representative, () -> access.share(filedByRepresentative, tiers.toUpperCase()));
        assertTrue(space(tiersBrowser).contains(filedByRepresentative), "shared: the tiers sees it");
        assertEquals(200, tiersBrowser.getBytes("espace/document?id=" + representativesRib).statusCode());
        assertEquals(200, tiersBrowser.getBytes("recapitulatif?numero=" + filedByRepresentative).statusCode());
        assertTrue(space(representativeBrowser).contains(tiers), "the representative sees whom it is shared with");
        assertEquals(1, Fixtures.count(ds, "select count(*) from audit_event where action = 'PARTAGE_DEMANDE' "
                + "and request_number = ?", filedByRepresentative));

        as(representative, () -> access.revoke(filedByRepresentative, tiers));
        assertHidden(tiersBrowser, filedByRepresentative, representativesRib, representativesId);
        assertFalse(space(tiersBrowser).contains(filedByRepresentative), "revoked: hidden again");
        assertEquals(1, Fixtures.count(ds, "select count(*) from request_share s join enrolment_request r "
                + "on r.id = s.request_id where r.request_number = ? and s.revoked_at is not null",
                filedByRepresentative), "the revoked share is kept as history");
    }

    private static String space(WebClient browser) throws Exception {
        return browser.get("espace/index.xhtml").body();
    }

    private static void assertHidden(WebClient browser, String requestNumber, long... documentIds) throws Exception {
        for (long id : documentIds) {
            assertEquals(404, browser.getBytes("espace/document?id=" + id).statusCode(),
                    "document " + id + " of " + requestNumber);
        }
        assertEquals(404, browser.getBytes("recapitulatif?numero=" + requestNumber).statusCode());
    }

    private long documentId(String requestNumber, String kind) throws Exception {
        return Fixtures.count(ds, "select d.id from document d join enrolment_request r on r.id = d.request_id "
                + "where r.request_number = ? and d.kind = ?", requestNumber, kind);
    }

    private void validate(String number) throws Exception {
        People.as(People.AGENT, () -> instruction.take(number, version(number)));
        People.as(People.AGENT, () -> instruction.validate(number, version(number)));
    }

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    private void choosePassword(String email) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select text_body from mail_message where recipient = ? and subject like '%Vos identifiants%'")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "credentials mailed to " + email);
                Matcher link = Pattern.compile("jeton=([A-Za-z0-9_-]+)").matcher(rs.getString(1));
                assertTrue(link.find());
                accounts.choosePasswordWithLink(link.group(1), PASSWORD, PASSWORD);
            }
        }
    }

    private static WebClient loggedIn(String login) throws Exception {
        WebClient client = new WebClient("http://127.0.0.1:"
                + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/segurnum/");
        client.get("mon-espace");
        client.login(login, PASSWORD);
        return client;
    }

    private static void as(String login, People.Action action) throws Exception {
        Callable<Void> call = () -> {
            action.run();
            return null;
        };
        SecurityDomain.getCurrent().authenticate(login, new PasswordGuessEvidence(PASSWORD.toCharArray())).runAs(call);
    }
}
