package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentAccess;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.document.OpenedDocument;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.instruction.RequestDetail;
import fr.asp.segur.application.instruction.RequestQueries;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the detail screen reads (RequestQueries.detail) and how documents are served to the back office
 * (DocumentAccess): the data in full, the automatic checks against today's referentials, the audit of each
 * opening, and the refusals (no role, a draft, an unknown id).
 */
@ExtendWith(ArquillianExtension.class)
class RequestDetailIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(RequestDetailIT.class, Fixtures.class, People.class);
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    RequestQueries queries;
    @EJB
    DocumentAccess access;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private String submitted(String email) {
        return Fixtures.submit(enrolment, documents, captcha, Fixtures.representativeForm(email),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
    }

    private RequestDetail detail(String number) throws Exception {
        return People.as(People.AGENT, () -> queries.detail(number));
    }

    @Test
    void theDetailHoldsWhatTheSupplierEnteredWithTheHistoryAndPassingChecks() throws Exception {
        String email = "detail-" + System.nanoTime() + "@kalinka.fr";
        String number = submitted(email);

        RequestDetail detail = detail(number);

        assertEquals(number, detail.getRequestNumber());
        assertEquals("SOUMISE", detail.getStatus());
        assertEquals("Soumise", detail.getStatusLabel());
        assertEquals(Fixtures.SOFTWARE, detail.getReferencingNumber());
        assertEquals(Fixtures.KALINKA_SIRET, detail.getSiret());
        assertEquals("PLACE", detail.getStreetTypeLabel());
        assertEquals(Fixtures.IBAN, detail.getIban(), "agents see the IBAN in full");
        assertEquals("FR76 1313 5000 8008 0026 7924 623", detail.getIbanFormatted());
        assertEquals(email, detail.getRepresentative().getEmail());
        assertNull(detail.getDepositaire());
        assertEquals(List.of("CERTIFICAT_REFERENCEMENT", "PIECE_IDENTITE_REPRESENTANT", "RIB"),
                detail.getDocuments().stream().map(RequestDetail.DocumentItem::getKind).sorted().toList());
        assertEquals("rib.pdf", detail.documentName("RIB"));
        assertTrue(detail.document("RIB").isPdf());
        assertEquals(1, detail.getHistory().size());
        assertNull(detail.getHistory().get(0).getFromLabel());
        assertEquals("Soumise", detail.getHistory().get(0).getToLabel());
        assertEquals(4, detail.getChecks().size());
        assertTrue(detail.isAllChecksOk(), () -> detail.getChecks().stream().map(RequestDetail.Check::getExplanation).toList().toString());
        assertEquals(Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number),
                detail.getVersion());

        BusinessRuleException unknown = assertThrows(BusinessRuleException.class, () -> detail("ENR000000"));
        assertEquals("Cette demande est introuvable.", unknown.getMessage());
        assertThrows(EJBAccessException.class, () -> queries.detail(number), "anonymous callers are refused");
    }

    @Test
    void theChecksWarnWhenTheReferentialsOrTheBankDetailsNoLongerHold() throws Exception {
        String number = submitted("controles-" + System.nanoTime() + "@kalinka.fr");
        // Since the submission: the solution was withdrawn, the establishment closed, the BIC is German.
        Fixtures.execute(ds, "update enrolment_request set referencing_number = 'retire001x', siret = '90577812200010', "
                + "bic = 'DEUTDEFF' where request_number = ?", number);

        List<RequestDetail.Check> checks = detail(number).getChecks();

        assertEquals(4, checks.size());
        checks.forEach(check -> assertFalse(check.isOk(), check.getLabel() + " : " + check.getExplanation()));
        assertEquals("Le référencement de ce logiciel a été retiré par l'ANS.", checks.get(0).getExplanation());
        assertEquals("Cet établissement est fermé d'après le répertoire SIRENE.", checks.get(1).getExplanation());
        assertEquals("Le BIC ne correspond pas au pays de l'IBAN (FR).", checks.get(2).getExplanation());
        assertTrue(checks.get(3).getExplanation().contains("n'est pas l'éditeur du logiciel"), checks.get(3).getExplanation());
        assertEquals("warning", checks.get(0).getLevel());
        assertEquals("À vérifier", checks.get(0).getResult());
    }

    @Test
    void eachOpeningOfADocumentIsAuditedAndDraftsAreNeverServed() throws Exception {
        String number = submitted("pieces-" + System.nanoTime() + "@kalinka.fr");
        long rib = Fixtures.count(ds, "select d.id from document d join enrolment_request r on r.id = d.request_id "
                + "where r.request_number = ? and d.kind = 'RIB'", number);

        OpenedDocument opened = People.as(People.AGENT, () -> access.open(rib));
        People.as(People.SUPERVISEUR, () -> access.open(rib));

        assertEquals("rib.pdf", opened.fileName());
        assertEquals("application/pdf", opened.mediaType());
        assertArrayEquals("%PDF-".getBytes(), java.util.Arrays.copyOf(opened.content(), 5));
        assertEquals(1, Fixtures.count(ds, "select count(*) from audit_event where request_number = ? and action = "
                + "'CONSULTATION_DOCUMENT' and actor = 'agent@asp-public.fr' and detail = 'RIB : rib.pdf'", number));
        assertEquals(2, Fixtures.count(ds, "select count(*) from audit_event where request_number = ? "
                + "and action = 'CONSULTATION_DOCUMENT'", number), "every view is recorded");

        assertThrows(EJBAccessException.class, () -> access.open(rib), "anonymous callers are refused");

        String draft = Fixtures.newDraft();
        long draftId = documents.stage(draft, DocumentKind.RIB, "brouillon.pdf",
                new ByteArrayInputStream(Fixtures.pdf())).getId();
        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> People.as(People.AGENT, () -> access.open(draftId)));
        assertEquals("Ce document est introuvable.", refused.getMessage());
        assertThrows(BusinessRuleException.class, () -> People.as(People.AGENT, () -> access.open(Long.MAX_VALUE)));
        assertEquals(0, Fixtures.count(ds, "select count(*) from audit_event where detail like ?", "%brouillon.pdf"));
        documents.discardDraft(draft);
    }
}
