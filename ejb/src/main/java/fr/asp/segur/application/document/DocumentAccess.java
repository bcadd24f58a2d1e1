package fr.asp.segur.application.document;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentContent;
import fr.asp.segur.domain.funding.FundingRequest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The back office's access to the documents of submitted requests. Identity documents and RIBs are personal
 * data: every opening is recorded in the audit trail (who, when, which document of which request), in the
 * same transaction as the read. A draft of the wizard is never served here.
 */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE, Role.ADMINISTRATEUR_ROLE})
public class DocumentAccess {

    static final String NOT_FOUND = "Ce document est introuvable.";
    static final String CONSULTATION = "CONSULTATION_DOCUMENT";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;
    @EJB
    private AuditTrail audit;

    /**
     * The document attached to a request under this id, recorded as opened by the caller.
     *
     * @throws BusinessRuleException when no request holds a document with this id
     */
    public OpenedDocument open(long documentId) {
        Document document = em.find(Document.class, documentId);
        if (document == null || (document.getRequest() == null && document.getFundingRequestId() == null)) {
            throw new BusinessRuleException("document", NOT_FOUND);
        }
        DocumentContent content = em.find(DocumentContent.class, document.getId());
        if (content == null || content.getContent() == null) {
            throw new BusinessRuleException("document", NOT_FOUND);
        }
        // An order form, invoice, VA or MOM belongs to a funding request: the audit names that request.
        String requestNumber = document.getRequest() != null ? document.getRequest().getRequestNumber()
                : em.find(FundingRequest.class, document.getFundingRequestId()).getRequestNumber();
        audit.record(context.getCallerPrincipal().getName(), CONSULTATION, requestNumber,
                document.getKind().name() + " : " + document.getFileName());
        return new OpenedDocument(document.getFileName(), document.getMediaType(), content.getContent());
    }
}
