package fr.asp.segur.application.enrolment;

import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.referential.ReferentialService;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.SiretVerification;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The second half of the degraded mode: after each SIRENE sync, every request submitted with a SIRET
 * the referential did not know ("SIRET non vérifié") is looked up again, and what the referential says
 * now is recorded on the request and in the audit trail.
 */
@Stateless
@PermitAll
public class SiretRecheck {

    static final String ACTOR = "synchronisation SIRENE";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private ReferentialService referentials;
    @EJB
    private AuditTrail audit;

    /** Ids of the requests whose SIRET awaits verification, after {@code afterId} (a batch checkpoint). */
    public List<Long> pendingAfter(long afterId, int max) {
        return em.createQuery("select r.id from EnrolmentRequest r where r.siretVerification = :pending"
                        + " and r.id > :after order by r.id", Long.class)
                .setParameter("pending", SiretVerification.NON_VERIFIE)
                .setParameter("after", afterId)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Looks the request's SIRET up again and records the result; a request no longer pending (already
     * re-checked by a run that crashed after its commit) is left as it is.
     */
    public SiretVerification recheck(long requestId) {
        EnrolmentRequest request = em.find(EnrolmentRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.getSiretVerification().pending()) {
            return request == null ? null : request.getSiretVerification();
        }
        Optional<ReferentialService.Company> found = referentials.establishment(request.company().siret());
        request.recordSiretCheck(found.isPresent(), found.map(c -> c.establishment().isClosed()).orElse(false),
                found.map(ReferentialService.Company::legalName).orElse(null), LocalDateTime.now());
        SiretVerification result = request.getSiretVerification();
        if (!result.pending()) {
            audit.record(ACTOR, "VERIFICATION_SIRET", request.getRequestNumber(), result.label());
        }
        return result;
    }
}
