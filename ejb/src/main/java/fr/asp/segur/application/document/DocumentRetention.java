package fr.asp.segur.application.document;

import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Personal data is kept no longer than needed: the documents (identity documents, RIB, Kbis…) of a request
 * rejected or classée sans suite are deleted once {@code segur.documents.retention-days} days (90 unless set:
 * the two months of an administrative appeal, and a margin) have passed since it entered that state. The
 * document rows stay (name, kind, SHA-256, purged_at) so that the history still says what had been sent; each
 * purged request gets an audit row. A request reopened before the delay keeps its documents.
 *
 * <p>Nightly at 3:30. Safe on several nodes at once: a document's content is only deleted by the node whose
 * {@code UPDATE … WHERE purged_at IS NULL} marked it, so each deletion and its audit row happen once.
 */
@Stateless
public class DocumentRetention {

    public static final String RETENTION_DAYS = "segur.documents.retention-days";
    static final String SYSTEM = "système";
    static final String PURGE = "PURGE_DOCUMENTS";
    private static final Logger LOG = Logger.getLogger(DocumentRetention.class.getName());

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private AuditTrail audit;

    @Schedule(hour = "3", minute = "30", persistent = false)
    void nightly() {
        int purged = purge(LocalDateTime.now());
        if (purged > 0) {
            LOG.info("Retention: the documents of " + purged + " rejected or abandoned requests were deleted");
        }
    }

    /** Runs the purge now (for administrators and tests); returns the number of requests purged. */
    @RolesAllowed(Role.ADMINISTRATEUR_ROLE)
    public int purgeNow() {
        return purge(LocalDateTime.now());
    }

    public static int retentionDays() {
        return Math.max(0, Integer.getInteger(RETENTION_DAYS, 90));
    }

    private int purge(LocalDateTime now) {
        LocalDateTime limit = now.minusDays(retentionDays());
        // The request's current state, entered before the limit: its latest history row says when.
        List<Object[]> due = em.createQuery("select r.id, r.requestNumber from EnrolmentRequest r "
                        + "where r.status in :closed and exists (select d from Document d where d.request = r "
                        + "and d.purgedAt is null) and (select max(h.occurredAt) from RequestHistory h "
                        + "where h.request = r) < :limit", Object[].class)
                .setParameter("closed", List.of(RequestStatus.REJETEE, RequestStatus.CLASSEE_SANS_SUITE))
                .setParameter("limit", limit).getResultList();
        int requests = 0;
        for (Object[] row : due) {
            long requestId = (Long) row[0];
            List<Long> documentIds = em.createQuery("select d.id from Document d where d.request.id = :id "
                    + "and d.purgedAt is null", Long.class).setParameter("id", requestId).getResultList();
            int count = 0;
            for (long documentId : documentIds) {
                int marked = em.createNativeQuery("update document set purged_at = ? where id = ? and purged_at is null")
                        .setParameter(1, now).setParameter(2, documentId).executeUpdate();
                if (marked == 1) {
                    em.createNativeQuery("delete from document_content where document_id = ?")
                            .setParameter(1, documentId).executeUpdate();
                    count++;
                }
            }
            if (count > 0) {
                audit.record(SYSTEM, PURGE, (String) row[1], count + " document(s) supprimé(s) après "
                        + retentionDays() + " jours de conservation");
                requests++;
            }
        }
        return requests;
    }
}
