package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.instruction.ComplementCorrections;
import fr.asp.segur.application.instruction.ComplementService;
import fr.asp.segur.application.instruction.ComplementView;
import fr.asp.segur.application.supplier.SupplierQueries;
import fr.asp.segur.application.supplier.SupplierRequest;
import fr.asp.segur.domain.enrolment.CorrectableField;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent asks for complements; the supplier answers once, through the emailed link or from their space,
 * with the documents and the corrected fields asked.
 */
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
    @EJB
    SupplierQueries supplierQueries;
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

    private static final String NEW_IBAN = "FR7613135000801234567890127";

    private String askForCorrections(String number, Set<CorrectableField> fields) throws Exception {
        People.as(People.AGENT, () -> instruction.take(number, version(number)));
        People.as(People.AGENT, () -> instruction.askForComplements(number, version(number),
                "Corrigez vos coordonnées.", Set.of(), fields));
        return number;
    }

    private String secretMailedTo(String email) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select text_body from mail_message where recipient = ? and subject like '%Compléments demandés%' "
                        + "order by id desc")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the supplier is told");
                String body = rs.getString(1);
                assertTrue(body.contains("Informations à corriger") && body.contains("- IBAN"), body);
                Matcher link = Pattern.compile("complements\\.xhtml\\?jeton=([A-Za-z0-9_-]+)").matcher(body);
                assertTrue(link.find(), body);
                return link.group(1);
            }
        }
    }

    private String stored(String column, String number) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + column + " from enrolment_request r left join request_person p on p.request_id = r.id "
                        + "and p.role = 'REPRESENTANT' where r.request_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private String lastHistory(String number) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select h.motivation from request_history h join enrolment_request r on r.id = h.request_id "
                        + "where r.request_number = ? order by h.id desc")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static ComplementCorrections corrections(String iban, String bic, String email, String confirmation,
                                                     String phone) {
        ComplementCorrections c = new ComplementCorrections();
        c.setIban(iban);
        c.setBic(bic);
        c.setEmail(email);
        c.setEmailConfirmation(confirmation);
        c.setPhone(phone);
        return c;
    }

    @Test
    void askedFieldsAreCorrectedWithTheWizardsRulesAndTheChangeIsInTheHistoryIbanMasked() throws Exception {
        String email = "correction-" + System.nanoTime() + "@kalinka.fr";
        String number = Fixtures.submit(enrolment, documents, captcha, Fixtures.representativeForm(email),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
        askForCorrections(number, Set.of(CorrectableField.IBAN, CorrectableField.BIC,
                CorrectableField.REPRESENTANT_EMAIL, CorrectableField.REPRESENTANT_TELEPHONE));
        String secret = secretMailedTo(email);

        ComplementView view = complements.open(secret);
        assertEquals(List.of(CorrectableField.IBAN, CorrectableField.BIC, CorrectableField.REPRESENTANT_EMAIL,
                CorrectableField.REPRESENTANT_TELEPHONE), view.getFields());
        assertEquals("FR76 **** **** **** **** ***4 623", view.current("IBAN"), "the current IBAN is shown masked");

        // Each broken rule is the wizard's own message, and nothing changes.
        String newEmail = "nouveau-" + System.nanoTime() + "@kalinka.fr";
        BusinessRuleException wrong = assertThrows(BusinessRuleException.class, () -> complements.answer(secret,
                Fixtures.newDraft(), null, corrections("FR7613135000801234567890128", "DEUTDEFF", newEmail,
                        "autre@kalinka.fr", "12")));
        List<String> messages = wrong.errors().stream().map(FieldError::message).toList();
        assertTrue(messages.contains("La clé de contrôle de l'IBAN est incorrecte."), messages.toString());
        assertTrue(messages.contains("Les deux adresses email ne sont pas identiques."), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("téléphone")), messages.toString());
        BusinessRuleException foreignBic = assertThrows(BusinessRuleException.class, () -> complements.answer(secret,
                Fixtures.newDraft(), null, corrections(NEW_IBAN, "DEUTDEFF", newEmail, newEmail, "0612345678")));
        assertEquals("Le BIC ne correspond pas au pays de l'IBAN (FR).", foreignBic.getMessage());
        assertEquals(Fixtures.IBAN, stored("r.iban", number));
        assertEquals(email, stored("p.email", number));
        assertEquals("COMPLEMENTS_DEMANDES", stored("r.status", number));

        complements.answer(secret, Fixtures.newDraft(), "C'est corrigé.",
                corrections(" fr76 1313 5000 8012 3456 7890 127 ", "cepafrpp313", newEmail, newEmail, "06 12 34 56 78"));

        assertEquals(NEW_IBAN, stored("r.iban", number));
        assertEquals("CEPAFRPP313", stored("r.bic", number));
        assertEquals("CE MID PYRENEES TOULOUSE", stored("r.bank_domiciliation", number), "from the bank referential");
        assertEquals(newEmail, stored("p.email", number));
        assertEquals("0612345678", stored("p.phone", number));
        assertEquals("EN_INSTRUCTION", stored("r.status", number));
        String history = lastHistory(number);
        assertTrue(history.contains("IBAN : FR76 **** **** **** **** ***4 623 → FR76 **** **** **** **** ***0 127"),
                history);
        assertTrue(history.contains("Email du représentant légal : " + email + " → " + newEmail), history);
        assertTrue(history.contains("Téléphone du représentant légal : 0326212121 → 0612345678"), history);
        assertTrue(history.endsWith("Réponse du fournisseur : C'est corrigé."), history);
        assertEquals(0, Fixtures.count(ds, "select count(*) from request_history where motivation like ? "
                + "or motivation like ?", "%" + NEW_IBAN + "%", "%" + Fixtures.IBAN + "%"), "no full IBAN in any history");
        assertEquals(0, Fixtures.count(ds, "select count(*) from audit_event where detail like ?",
                "%" + NEW_IBAN + "%"), "nor in the audit trail");
    }

    @Test
    void aLoggedInSupplierAnswersFromTheirSpaceForTheirOwnCompanyOnly() throws Exception {
        String email = "espace-" + System.nanoTime() + "@kalinka.fr";
        String number = Fixtures.submit(enrolment, documents, captcha, Fixtures.representativeForm(email),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
        askForCorrections(number, Set.of(CorrectableField.IBAN));
        // The legal representative named in the request (SupplierAccess), with an account of the company.
        String supplier = email;
        Fixtures.supplierAccount(ds, supplier, Fixtures.KALINKA_SIRET);
        String stranger = "etranger-" + System.nanoTime() + "@ailleurs.fr";
        Fixtures.supplierAccount(ds, stranger, "47992882200069");
        // Same company, not named in the request and not shared with: no more than a stranger (issue 11).
        String colleague = "collegue-" + System.nanoTime() + "@kalinka.fr";
        Fixtures.supplierAccount(ds, colleague, Fixtures.KALINKA_SIRET);
        assertEquals(ComplementService.NOTHING_TO_ANSWER, assertThrows(BusinessRuleException.class,
                () -> People.as(colleague, () -> complements.openMine(number))).getMessage());
        assertTrue(People.as(colleague, () -> supplierQueries.myRequests()).stream()
                .noneMatch(r -> r.getRequestNumber().equals(number)), "the colleague's space does not list it");

        List<SupplierRequest> mine = People.as(supplier, () -> supplierQueries.myRequests());
        assertTrue(mine.stream().anyMatch(r -> r.getRequestNumber().equals(number) && r.isAwaitingComplements()));

        // Another company's supplier, an unknown number, an agent: refused alike, nothing changes.
        BusinessRuleException foreign = assertThrows(BusinessRuleException.class,
                () -> People.as(stranger, () -> complements.openMine(number)));
        assertEquals(ComplementService.NOTHING_TO_ANSWER, foreign.getMessage());
        assertThrows(BusinessRuleException.class, () -> People.as(stranger, () -> complements.answerMine(number,
                Fixtures.newDraft(), null, corrections(NEW_IBAN, null, null, null, null))));
        assertThrows(BusinessRuleException.class, () -> People.as(supplier, () -> complements.openMine("ENR0000000")));
        assertThrows(EJBAccessException.class, () -> People.as(People.AGENT, () -> complements.openMine(number)));
        assertEquals(Fixtures.IBAN, stored("r.iban", number));

        assertEquals(number, People.as(supplier, () -> complements.openMine(number)).getRequestNumber());
        People.as(supplier, () -> complements.answerMine(number, Fixtures.newDraft(), null,
                corrections(NEW_IBAN, null, null, null, null)));
        assertEquals(NEW_IBAN, stored("r.iban", number));
        assertEquals("EN_INSTRUCTION", stored("r.status", number));
        assertEquals(1, Fixtures.count(ds, "select count(*) from audit_event where action = 'REPONSE_COMPLEMENTS' "
                + "and request_number = ? and actor = ?", number, supplier), "the audit trail names the account");
        assertTrue(People.as(supplier, () -> supplierQueries.myRequests()).stream()
                .noneMatch(r -> r.getRequestNumber().equals(number) && r.isAwaitingComplements()),
                "answered: nothing more to answer");
        BusinessRuleException twice = assertThrows(BusinessRuleException.class,
                () -> People.as(supplier, () -> complements.openMine(number)));
        assertEquals(ComplementService.NOTHING_TO_ANSWER, twice.getMessage());
    }
}
