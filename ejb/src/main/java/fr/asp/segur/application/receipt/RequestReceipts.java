package fr.asp.segur.application.receipt;

import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.model.RequestReceipt;
import fr.asp.segur.application.supplier.SupplierAccess;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The PDF récapitulatif of a request, regenerated from what was stored, for whoever may read the request:
 * the browser session that just submitted it, an agent, or a supplier {@link SupplierAccess} lets see it.
 * Anything else gets nothing, whether the request exists or not.
 */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE, Role.ADMINISTRATEUR_ROLE})
public class RequestReceipts {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;
    @EJB
    private AuditTrail audit;
    @EJB
    private SupplierAccess supplierAccess;

    /**
     * For the filer, right after « Terminer »: the web layer calls this only for a number its own HTTP session
     * submitted (the supplier has no account yet, the session is the proof).
     */
    @PermitAll
    public Optional<byte[]> ofOwnSubmission(String requestNumber) {
        return request(requestNumber).map(r -> new RequestReceipt().pdf(r));
    }

    /** For the service gestion; the opening is audited, as the PDF shows the bank details. */
    public Optional<byte[]> forAgent(String requestNumber) {
        Optional<EnrolmentRequest> request = request(requestNumber);
        request.ifPresent(r -> audit.record(context.getCallerPrincipal().getName(), "CONSULTATION_RECAPITULATIF",
                r.getRequestNumber(), null));
        return request.map(r -> new RequestReceipt().pdf(r));
    }

    /** For a supplier: only a request {@link SupplierAccess} lets the caller see. */
    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public Optional<byte[]> forSupplier(String requestNumber) {
        return request(requestNumber).filter(r -> supplierAccess.callerCanSee(r.getId()))
                .map(r -> new RequestReceipt().pdf(r));
    }

    private Optional<EnrolmentRequest> request(String requestNumber) {
        if (requestNumber == null || requestNumber.isBlank() || requestNumber.length() > 16) {
            return Optional.empty();
        }
        return em.createQuery("select r from EnrolmentRequest r where r.requestNumber = :n", EnrolmentRequest.class)
                .setParameter("n", requestNumber.strip()).getResultList().stream().findFirst();
    }
}
