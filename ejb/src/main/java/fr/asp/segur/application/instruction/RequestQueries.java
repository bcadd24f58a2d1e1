package fr.asp.segur.application.instruction;

import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import fr.asp.segur.domain.referential.AnsSolution;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** What agents read about requests. Only the ASP's roles may call it, whatever page calls it. */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE, Role.ADMINISTRATEUR_ROLE})
public class RequestQueries {

    static final int MAX_PAGE = 200;
    static final int SLICE = 1000;

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    /** How many requests match: the pager's total. */
    public long count(RequestFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<EnrolmentRequest> r = query.from(EnrolmentRequest.class);
        query.select(cb.count(r)).where(predicates(cb, query, r, filter));
        return em.createQuery(query).getSingleResult();
    }

    /**
     * The pager's total. It is exact, except for a "Société contient" search: a fragment found in many
     * names (say "sante", 8 % of a million requests) cannot be counted from an index, every match has to
     * be checked in the table, so at most {@code cap + 1} matches are counted and a result above
     * {@code cap} means "more than cap". The list then stops at {@code cap}; the export has them all.
     */
    public long countForPager(RequestFilter filter, int cap) {
        if (!notBlank(filter.getCompany())) {
            return count(filter);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<EnrolmentRequest> r = query.from(EnrolmentRequest.class);
        query.select(r.get("id")).where(predicates(cb, query, r, filter));
        return em.createQuery(query).setMaxResults(cap + 1).getResultList().size();
    }

    /** One page of the matching requests, sorted; the request id breaks ties so pages never overlap. */
    public List<RequestSummary> page(RequestFilter filter, RequestSort sort, boolean ascending, int first, int size) {
        return page(filter, sort, ascending, first, size, -1);
    }

    /**
     * One page, knowing the total the pager has just counted: a page in the second half is read in the
     * reverse order from the end, then put back in order. OFFSET makes the database read and drop every
     * row before the page, so the last page of a million requests read the whole index (about 1 s); this
     * way no page reads more than half of the matching rows, and the last pages are as fast as the first.
     * The reverse of "ORDER BY key, id" is "ORDER BY key DESC, id DESC" (a database puts nulls at the
     * opposite end in descending order), so the rows are exactly the same as with the offset.
     *
     * @param total the number of matching rows, or a negative number when unknown (plain offset)
     */
    public List<RequestSummary> page(RequestFilter filter, RequestSort sort, boolean ascending, int first, int size,
                                     long total) {
        int limit = Math.min(size, MAX_PAGE);
        if (total > 0 && first < total && first > total / 2) {
            int rows = (int) Math.min(limit, total - first);
            int fromEnd = (int) (total - first - rows);
            List<RequestSummary> page = new ArrayList<>(read(filter, sort, !ascending, fromEnd, rows));
            Collections.reverse(page);
            return page;
        }
        return read(filter, sort, ascending, first, limit);
    }

    /**
     * A "deferred join": first the ids of the page alone, in the page's order (with the V8 indexes that end
     * with the id, PostgreSQL reads them by an index-only scan: the rows skipped by the offset cost an index
     * entry each, not a table row), then the page's rows by id, put back in the ids' order here. The rows
     * are exactly those of "SELECT r ... ORDER BY key, id OFFSET first LIMIT size" (RequestPagingIT).
     */
    private List<RequestSummary> read(RequestFilter filter, RequestSort sort, boolean ascending, int first, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<EnrolmentRequest> r = ids.from(EnrolmentRequest.class);
        Path<Object> key = r.get((sort == null ? RequestSort.SUBMITTED_AT : sort).attribute);
        Path<Long> id = r.get("id");
        ids.select(id).where(predicates(cb, ids, r, filter))
                .orderBy(ascending ? cb.asc(key) : cb.desc(key), ascending ? cb.asc(id) : cb.desc(id));
        List<Long> page = em.createQuery(ids).setFirstResult(first).setMaxResults(size).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        CriteriaQuery<EnrolmentRequest> rows = cb.createQuery(EnrolmentRequest.class);
        Root<EnrolmentRequest> row = rows.from(EnrolmentRequest.class);
        rows.select(row).where(row.get("id").in(page));
        Map<Long, EnrolmentRequest> byId = new HashMap<>();
        for (EnrolmentRequest request : em.createQuery(rows).getResultList()) {
            byId.put(request.getId(), request);
        }
        return page.stream().map(byId::get).filter(Objects::nonNull).map(RequestQueries::summary).toList();
    }

    /**
     * Every matching request, oldest first, handed over in slices of {@value #SLICE} read by keyset
     * (id greater than the last one seen), the persistence context cleared after each: an export of a
     * million rows holds one slice in memory, never the whole result.
     */
    public void forEach(RequestFilter filter, Consumer<RequestSummary> consumer) {
        long lastId = 0;
        while (true) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<EnrolmentRequest> query = cb.createQuery(EnrolmentRequest.class);
            Root<EnrolmentRequest> r = query.from(EnrolmentRequest.class);
            List<Predicate> where = new ArrayList<>(List.of(predicates(cb, query, r, filter)));
            where.add(cb.greaterThan(r.get("id"), lastId));
            query.select(r).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(r.get("id")));
            List<EnrolmentRequest> slice = em.createQuery(query).setMaxResults(SLICE).getResultList();
            if (slice.isEmpty()) {
                return;
            }
            for (EnrolmentRequest request : slice) {
                consumer.accept(summary(request));
            }
            lastId = slice.get(slice.size() - 1).getId();
            em.clear();
        }
    }

    private Predicate[] predicates(CriteriaBuilder cb, CriteriaQuery<?> query, Root<EnrolmentRequest> r,
                                   RequestFilter f) {
        List<Predicate> where = new ArrayList<>();
        if (f == null) {
            return new Predicate[0];
        }
        if (f.getStatus() != null) {
            where.add(cb.equal(r.get("status"), f.getStatus()));
        }
        if (notBlank(f.getCouloir()) || notBlank(f.getDsr())) {
            Subquery<String> solutions = query.subquery(String.class);
            Root<AnsSolution> s = solutions.from(AnsSolution.class);
            List<Predicate> onSolution = new ArrayList<>();
            if (notBlank(f.getCouloir())) {
                onSolution.add(cb.equal(s.get("couloir"), f.getCouloir()));
            }
            if (notBlank(f.getDsr())) {
                onSolution.add(cb.equal(s.get("dsr"), f.getDsr().strip()));
            }
            solutions.select(s.get("referencingNumber")).where(onSolution.toArray(Predicate[]::new));
            where.add(r.get("referencingNumber").in(solutions));
        }
        if (f.getSubmittedFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(r.get("submittedAt"), f.getSubmittedFrom().atStartOfDay()));
        }
        if (f.getSubmittedTo() != null) {
            where.add(cb.lessThan(r.get("submittedAt"), f.getSubmittedTo().plusDays(1).atStartOfDay()));
        }
        if (notBlank(f.getSiret())) {
            startsWith(cb, where, r.<String>get("siret"), f.getSiret().replaceAll("\\s", ""));
        }
        if (notBlank(f.getCompany())) {
            where.add(cb.like(cb.upper(r.get("denomination")), "%" + f.getCompany().strip().toUpperCase(Locale.ROOT) + "%"));
        }
        if (notBlank(f.getRequestNumber())) {
            startsWith(cb, where, r.<String>get("requestNumber"), f.getRequestNumber().strip().toUpperCase(Locale.ROOT));
        }
        if (notBlank(f.getAssignedAgent())) {
            where.add(cb.equal(r.get("assignedAgent"), f.getAssignedAgent().strip().toLowerCase(Locale.ROOT)));
        }
        return where.toArray(Predicate[]::new);
    }

    /**
     * column LIKE 'prefix%', and, when the prefix is made of digits and capital letters only, the range
     * prefix &lt;= column &lt; {@link #nextPrefix} too, which holds every match. A B-tree index serves the range,
     * whereas PostgreSQL uses an index for LIKE only under the C collation (not C.UTF-8 nor fr_FR.UTF-8): with
     * 1 million requests, counting the matches of a SIREN went from a scan of the whole table to a few
     * thousand index entries (docs/PERFORMANCE.md). The LIKE stays the exact filter. Digits and then capital
     * letters sort in the same order under every collation, so the range never leaves a match out.
     */
    private static void startsWith(CriteriaBuilder cb, List<Predicate> where, Path<String> column, String prefix) {
        where.add(cb.like(column, prefix + "%"));
        if (!prefix.matches("[0-9A-Z]+")) {
            return;
        }
        where.add(cb.greaterThanOrEqualTo(column, prefix));
        String next = nextPrefix(prefix);
        if (next != null) {
            where.add(cb.lessThan(column, next));
        }
    }

    /**
     * The smallest string greater than every string that starts with the prefix, over 0-9 for a prefix of
     * digits ("479928822" gives "479928823", "4799" gives "48") and over 0-9A-Z otherwise ("ENR0Y" gives
     * "ENR0Z"); null when there is none ("999", "ZZ").
     */
    static String nextPrefix(String prefix) {
        String alphabet = prefix.chars().allMatch(Character::isDigit) ? "0123456789" : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = prefix.length() - 1; i >= 0; i--) {
            int position = alphabet.indexOf(prefix.charAt(i));
            if (position >= 0 && position < alphabet.length() - 1) {
                return prefix.substring(0, i) + alphabet.charAt(position + 1);
            }
        }
        return null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static RequestSummary summary(EnrolmentRequest r) {
        return new RequestSummary(r.getRequestNumber(), r.getSubmittedAt(), r.company().siret(),
                r.company().denomination(), r.software().name(), r.getStatus().label(), r.software().dsrLabel(),
                r.getAssignedAgent());
    }

    /**
     * Everything an agent needs to instruct one request: what the supplier entered, the documents, the history,
     * the version to act on, and the automatic checks, computed now against the referentials.
     *
     * @throws fr.asp.segur.application.BusinessRuleException when no request has this number
     */
    public RequestDetail detail(String requestNumber) {
        return new RequestDetailReader(em).read(requestNumber);
    }
}
