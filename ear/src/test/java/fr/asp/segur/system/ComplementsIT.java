package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.instruction.ComplementService;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An agent asks for complements; the supplier answers once through the emailed link. */
@ExtendWith(ArquillianExtension.class)
class ComplementsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(ComplementsIT.class, Fixtures.class, People.class, WebClient.class);
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
    ComplementService complements;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private long version(String number) throws Exception {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    @Test
    void theSupplierAnswersThroughTheLinkAndTheRequestIsInstructedAgain() throws Exception {
        String email = "complement-" + System.nanoTime() + "@kalinka.fr";
        String number = Fixtures.submit(enrolment, documents, captcha, Fixtures.representativeForm(email),
                Fixtures.REPRESENTATIVE_DOCUMENTS);

        People.as(People.AGENT, () -> instruction.take(number, version(number)));
        People.as(People.AGENT, () -> instruction.askForComplements(number, version(number),
                "Le RIB est illisible : merci d'en fournir une copie nette.", Set.of(DocumentKind.RIB)));

        String body;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select text_body from mail_message where recipient = ? and subject like '%Compléments demandés%'")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the supplier is told");
                body = rs.getString(1);
            }
        }
        assertTrue(body.contains("Le RIB est illisible") && body.contains("- RIB"), body);
        Matcher link = Pattern.compile("complements\\.xhtml\\?jeton=([A-Za-z0-9_-]+)").matcher(body);
        assertTrue(link.find(), body);
        String secret = link.group(1);

        // The answer page shows what was asked.
        String base = "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/segurnum/";
        String page = new WebClient(base).get("complements.xhtml?jeton=" + secret).body();
        assertTrue(page.contains("Le RIB est illisible") && page.contains("RIB * :"), page);

        // Nothing uploaded: refused, nothing changes.
        String answerDraft = Fixtures.newDraft();
        BusinessRuleException missing = assertThrows(BusinessRuleException.class,
                () -> complements.answer(secret, answerDraft, "Voici"));
        assertEquals("Le document « RIB » est obligatoire.", missing.getMessage());

        documents.stage(answerDraft, DocumentKind.RIB, "rib-net.pdf", new ByteArrayInputStream(Fixtures.pdf()));
        complements.answer(secret, answerDraft, "Voici un RIB lisible.");

        assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ? "
                + "and status = 'EN_INSTRUCTION'", number));
        assertEquals(2, Fixtures.count(ds, "select count(*) from document d join enrolment_request r "
                + "on r.id = d.request_id where r.request_number = ? and d.kind = 'RIB'", number), "the old RIB stays");
        assertEquals(1, Fixtures.count(ds, "select count(*) from request_history h join enrolment_request r "
                + "on r.id = h.request_id where r.request_number = ? and h.actor = 'fournisseur' "
                + "and h.motivation like 'Compléments reçus : RIB%'", number));
        BusinessRuleException reused = assertThrows(BusinessRuleException.class, () -> complements.open(secret));
        assertEquals(ComplementService.LINK_UNUSABLE, reused.getMessage());
        assertTrue(new WebClient(base).get("complements.xhtml?jeton=" + secret).body().contains("n'est plus valable"));
    }
}
