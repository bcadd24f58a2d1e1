package fr.asp.segur.application.funding;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.referential.ClientReferentials;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.funding.Amount;
import fr.asp.segur.domain.funding.FundingAmounts;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingComplementRequest;
import fr.asp.segur.domain.funding.FundingRequest;
import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What agents read about funding requests: the queue (filtered, sorted, paged like the enrolment list:
 * ids first, then the rows, and the second half read from the end) and one request's detail with its checks.
 */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE, Role.ADMINISTRATEUR_ROLE})
public class FundingQueries {

    static final int MAX_PAGE = 200;
    static final String NOT_FOUND = "Cette demande de financement est introuvable.";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private ClientReferentials referentials;

    /** The pager's total. */
    public long count(FundingFilter filter) {
        Where where = where(filter);
        TypedQuery<Long> query = em.createQuery("select count(f) from FundingRequest f" + where.jpql, Long.class);
        where.bind(query);
        return query.getSingleResult();
    }

    /**
     * One page of the queue, knowing the total the pager has just counted (negative when unknown): a page
     * in the second half is read in the reverse order from the end, then put back in order, so that no
     * page makes the database skip more than half of the matching rows. The id breaks ties, so pages
     * never overlap and the reverse order gives exactly the same rows.
     */
    public List<FundingSummary> page(FundingFilter filter, FundingSort sort, boolean ascending, int first, int size,
                                     long total) {
        int limit = Math.max(0, Math.min(size, MAX_PAGE));
        if (total > 0 && first < total && first > total / 2) {
            int rows = (int) Math.min(limit, total - first);
            int fromEnd = (int) (total - first - rows);
            List<FundingSummary> page = new ArrayList<>(read(filter, sort, !ascending, fromEnd, rows));
            Collections.reverse(page);
            return page;
        }
        return read(filter, sort, ascending, first, limit);
    }

    /** Deferred join: the page's ids alone (index-only scan of the V20/V30 indexes ending with the id), then their rows. */
    private List<FundingSummary> read(FundingFilter filter, FundingSort sort, boolean ascending, int first, int size) {
        if (size == 0) {
            return List.of();
        }
        String key = "f." + (sort == null ? FundingSort.FILED_AT : sort).attribute;
        String direction = ascending ? " asc" : " desc";
        Where where = where(filter);
        TypedQuery<Long> ids = em.createQuery("select f.id from FundingRequest f" + where.jpql + " order by "
                + key + direction + ", f.id" + direction, Long.class);
        where.bind(ids);
        List<Long> page = ids.setFirstResult(first).setMaxResults(size).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, FundingRequest> byId = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (FundingRequest f : em.createQuery("select f from FundingRequest f where f.id in :ids",
                FundingRequest.class).setParameter("ids", page).getResultList()) {
            byId.put(f.getId(), f);
        }
        for (Object[] row : em.createQuery("select e.id, e.denomination from EnrolmentRequest e where e.id in "
                        + "(select f.enrolmentRequestId from FundingRequest f where f.id in :ids)", Object[].class)
                .setParameter("ids", page).getResultList()) {
            names.put((Long) row[0], (String) row[1]);
        }
        return page.stream().map(byId::get).filter(Objects::nonNull)
                .map(f -> summary(f, names.get(f.getEnrolmentRequestId()))).toList();
    }

    private static FundingSummary summary(FundingRequest f, String supplierName) {
        String flag = f.getConflictWithId() != null ? "Conflit" : !f.client().known() ? "Client inconnu" : null;
        FundingStatus validated = f.getStatus().phase() == FundingStatus.Phase.AVANCE ? FundingStatus.AVANCE_VALIDEE
                : FundingStatus.SOLDE_VALIDE;
        return new FundingSummary(f.getRequestNumber(), f.getVersion(), f.getFiledAt(), f.getCall().getCode(),
                f.getCall().getCouloir().label(), f.getSupplierSiret(), supplierName, f.client().identifier(),
                f.client().name(), f.getStatus().name(), f.getStatus().label(), f.amounts().grantedHt().formatted(),
                flag, f.getStatus().canMoveTo(validated));
    }

    /** The filter as a JPQL where clause on one table: the couloir and the call are resolved to call ids first. */
    private Where where(FundingFilter f) {
        Where where = new Where();
        if (f == null) {
            return where;
        }
        if (notBlank(f.getCallCode()) || f.getCouloir() != null) {
            StringBuilder calls = new StringBuilder("select c.id from FundingCall c where 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (notBlank(f.getCallCode())) {
                calls.append(" and c.code = :code");
                params.put("code", f.getCallCode().strip().toUpperCase(Locale.ROOT));
            }
            if (f.getCouloir() != null) {
                calls.append(" and c.couloir = :couloir");
                params.put("couloir", f.getCouloir());
            }
            TypedQuery<Long> query = em.createQuery(calls.toString(), Long.class);
            params.forEach(query::setParameter);
            List<Long> ids = query.getResultList();
            if (ids.isEmpty()) {
                where.add("1 = 0");
            } else if (ids.size() == 1) {
                where.add("f.call.id = :callId", "callId", ids.get(0));
            } else {
                where.add("f.call.id in :callIds", "callIds", ids);
            }
        }
        if (f.getStatus() != null) {
            where.add("f.status = :status", "status", f.getStatus());
        }
        if (notBlank(f.getSupplierSiret())) {
            String prefix = f.getSupplierSiret().replaceAll("\\s", "");
            where.add("f.supplierSiret like :siret", "siret", prefix + "%");
            if (prefix.matches("[0-9]+")) {
                // A range a B-tree serves whatever the collation (see RequestQueries.startsWith).
                where.add("f.supplierSiret >= :siretFrom", "siretFrom", prefix);
                String next = nextDigits(prefix);
                if (next != null) {
                    where.add("f.supplierSiret < :siretTo", "siretTo", next);
                }
            }
        }
        if (notBlank(f.getSupplierName())) {
            where.add("f.enrolmentRequestId in (select e.id from EnrolmentRequest e where upper(e.denomination) "
                    + "like :name)", "name", "%" + f.getSupplierName().strip().toUpperCase(Locale.ROOT) + "%");
        }
        if (f.isFlagged()) {
            where.add("(f.clientKnown = false or f.conflictWithId is not null)");
        }
        return where;
    }

    /** "4799" gives "4800"; null for "999". */
    private static String nextDigits(String digits) {
        char[] chars = digits.toCharArray();
        for (int i = chars.length - 1; i >= 0; i--) {
            if (chars[i] < '9') {
                chars[i]++;
                return new String(chars, 0, i + 1);
            }
        }
        return null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static final class Where {
        private final StringBuilder jpql = new StringBuilder();
        private final Map<String, Object> params = new LinkedHashMap<>();

        void add(String condition) {
            jpql.append(jpql.isEmpty() ? " where " : " and ").append(condition);
        }

        void add(String condition, String name, Object value) {
            add(condition);
            params.put(name, value);
        }

        void bind(TypedQuery<?> query) {
            params.forEach(query::setParameter);
        }
    }

    /**
     * One request's detail, its checks computed now.
     *
     * @throws BusinessRuleException when no request has this number
     */
    public FundingDetail detail(String requestNumber) {
        FundingRequest f = find(em, requestNumber);
        EnrolmentRequest enrolment = em.find(EnrolmentRequest.class, f.getEnrolmentRequestId());
        List<Document> documents = documentsOf(em, f);
        FundingCall call = f.getCall();
        FundingAmounts a = f.amounts();
        List<FundingDetail.AmountLine> amounts = List.of(
                line("Montant du bon de commande", a.orderHt()),
                line("Plafond de l'appel pour ce client", a.ceilingHt()),
                new FundingDetail.AmountLine("Montant retenu", a.grantedHt().formatted(), a.grantedTtc().formatted()),
                new FundingDetail.AmountLine("Avance (" + call.getAvanceRate().movePointRight(2).stripTrailingZeros()
                        .toPlainString() + " %)", a.avanceHt().formatted(), a.avanceTtc().formatted()),
                new FundingDetail.AmountLine("Solde", a.soldeHt().formatted(), a.soldeTtc().formatted()));
        FundingComplementRequest open = em.createQuery("select c from FundingComplementRequest c "
                        + "where c.request = :request and c.answeredAt is null order by c.askedAt desc",
                FundingComplementRequest.class).setParameter("request", f).setMaxResults(1).getResultList()
                .stream().findFirst().orElse(null);
        FundingStatus s = f.getStatus();
        boolean avance = s.phase() == FundingStatus.Phase.AVANCE;
        String conflictWith = f.getConflictWithId() == null ? null
                : em.find(FundingRequest.class, f.getConflictWithId()).getRequestNumber();
        return new FundingDetail(f.getRequestNumber(), f.getVersion(), s.name(), s.label(),
                avance ? "Avance" : "Solde", call.getCode(), call.getLabel(), call.getCouloir().label(),
                call.getSoldeDocument().label(),
                enrolment == null ? null : enrolment.getRequestNumber(), f.getSupplierSiret(),
                enrolment == null ? null : enrolment.company().denomination(),
                enrolment == null ? null : enrolment.software().name(),
                enrolment == null ? null : enrolment.software().dsrLabel(),
                f.client().kind().label(), f.client().identifier(), f.client().name(), f.client().known(),
                f.getCeilingTranche(), f.getOrderSignedOn(), amounts, f.getFiledAt(), f.getSoldeFiledAt(),
                f.getAssignedAgent(), conflictWith,
                new AutomaticFundingChecks(em, referentials).of(f, enrolment, documents),
                documents.stream().map(d -> new FundingDetail.File(d.getId(), d.getKind().label(), d.getFileName(),
                        d.getUploadedAt())).toList(),
                f.getHistory().stream().map(h -> new FundingDetail.Step(h.getOccurredAt(), h.getActor(),
                        h.getFromStatus() == null ? null : h.getFromStatus().label(), h.getToStatus().label(),
                        h.getMotivation())).toList(),
                open == null ? null : new FundingDetail.Complement(open.getAskedAt(), open.getAskedBy(),
                        open.getMessage(), open.getDocuments().stream().map(DocumentKind::label).toList()),
                s.canMoveTo(avance ? FundingStatus.AVANCE_EN_INSTRUCTION : FundingStatus.SOLDE_EN_INSTRUCTION)
                        && s != FundingStatus.AVANCE_COMPLEMENTS && s != FundingStatus.SOLDE_COMPLEMENTS,
                s.canMoveTo(avance ? FundingStatus.AVANCE_COMPLEMENTS : FundingStatus.SOLDE_COMPLEMENTS),
                s.canMoveTo(avance ? FundingStatus.AVANCE_VALIDEE : FundingStatus.SOLDE_VALIDE),
                s.canMoveTo(avance ? FundingStatus.AVANCE_REJETEE : FundingStatus.SOLDE_REJETE));
    }

    private static FundingDetail.AmountLine line(String label, Amount ht) {
        return new FundingDetail.AmountLine(label, ht.formatted(), ht.withVat().formatted());
    }

    static FundingRequest find(EntityManager em, String requestNumber) {
        if (requestNumber == null || requestNumber.isBlank()) {
            throw new BusinessRuleException("numero", NOT_FOUND);
        }
        return em.createQuery("select f from FundingRequest f where f.requestNumber = :number", FundingRequest.class)
                .setParameter("number", requestNumber.strip().toUpperCase(Locale.ROOT)).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessRuleException("numero", NOT_FOUND));
    }

    static List<Document> documentsOf(EntityManager em, FundingRequest f) {
        return em.createQuery("select d from Document d where d.fundingRequestId = :id order by d.id", Document.class)
                .setParameter("id", f.getId()).getResultList();
    }
}
