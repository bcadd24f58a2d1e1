package fr.asp.segur.application.audit;

import fr.asp.segur.domain.audit.AuditEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;

/**
 * The append-only audit trail: back-office actions and every opening of a supplier's document.
 * Written in the caller's transaction, so that an action and its trace stand or fall together.
 */
@Stateless
@PermitAll
public class AuditTrail {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String action, String requestNumber, String detail) {
        em.persist(new AuditEvent(LocalDateTime.now(), actor, action, requestNumber, detail));
    }

    /** For an action that is not itself a transaction, such as reading or exporting. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void recordAlone(String actor, String action, String requestNumber, String detail) {
        record(actor, action, requestNumber, detail);
    }
}
