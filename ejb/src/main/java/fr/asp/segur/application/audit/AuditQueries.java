package fr.asp.segur.application.audit;

import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.audit.AuditEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The administrators' search in the audit trail, newest first, one page at a time. */
@Stateless
@RolesAllowed(Role.ADMINISTRATEUR_ROLE)
public class AuditQueries {

    static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    public long count(Criteria criteria) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditEvent> e = query.from(AuditEvent.class);
        return em.createQuery(query.select(cb.count(e)).where(where(cb, e, criteria))).getSingleResult();
    }

    public List<AuditEntry> page(Criteria criteria, int first, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> e = query.from(AuditEvent.class);
        query.select(e).where(where(cb, e, criteria)).orderBy(cb.desc(e.get("occurredAt")), cb.desc(e.get("id")));
        return em.createQuery(query).setFirstResult(first).setMaxResults(Math.min(size, MAX_PAGE)).getResultList()
                .stream().map(AuditEntry::new).toList();
    }

    private static Predicate[] where(CriteriaBuilder cb, Root<AuditEvent> e, Criteria c) {
        List<Predicate> where = new ArrayList<>();
        if (c.actor() != null && !c.actor().isBlank()) {
            where.add(cb.equal(e.get("actor"), c.actor().strip().toLowerCase(Locale.ROOT)));
        }
        if (c.action() != null && !c.action().isBlank()) {
            where.add(cb.equal(e.get("action"), c.action()));
        }
        if (c.requestNumber() != null && !c.requestNumber().isBlank()) {
            where.add(cb.equal(e.get("requestNumber"), c.requestNumber().strip().toUpperCase(Locale.ROOT)));
        }
        if (c.from() != null) {
            where.add(cb.greaterThanOrEqualTo(e.get("occurredAt"), c.from().atStartOfDay()));
        }
        if (c.to() != null) {
            where.add(cb.lessThan(e.get("occurredAt"), c.to().plusDays(1).atStartOfDay()));
        }
        return where.toArray(Predicate[]::new);
    }

    /** Search criteria; blank ones do not filter. */
    public record Criteria(String actor, String action, String requestNumber, LocalDate from, LocalDate to)
            implements java.io.Serializable {
    }
}
