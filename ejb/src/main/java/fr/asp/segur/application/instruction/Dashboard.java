package fr.asp.segur.application.instruction;

import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.RequestStatus;
import fr.asp.segur.domain.funding.FundingStatus;
import fr.asp.segur.domain.support.Couloir;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The supervisors' statistics: requests per state and couloir, received per day, median instruction time. */
@Stateless
@RolesAllowed(Role.SUPERVISEUR_ROLE)
public class Dashboard {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    public Figures figures(int days) {
        Map<String, Long> perState = new LinkedHashMap<>();
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        for (Object[] row : em.createQuery("select r.status, count(r) from EnrolmentRequest r group by r.status",
                Object[].class).getResultList()) {
            counts.put((RequestStatus) row[0], (Long) row[1]);
        }
        for (RequestStatus status : RequestStatus.values()) {
            perState.put(status.label(), counts.getOrDefault(status, 0L));
        }

        Map<String, Long> perCouloir = new TreeMap<>();
        for (Object[] row : em.createQuery("select s.couloir, count(r) from EnrolmentRequest r, AnsSolution s "
                + "where s.referencingNumber = r.referencingNumber group by s.couloir", Object[].class).getResultList()) {
            perCouloir.put((String) row[0], (Long) row[1]);
        }

        LocalDate since = LocalDate.now().minusDays(days - 1L);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (int i = 0; i < days; i++) {
            perDay.put(since.plusDays(i), 0L);
        }
        for (LocalDateTime submitted : em.createQuery("select r.submittedAt from EnrolmentRequest r "
                + "where r.submittedAt >= :since", LocalDateTime.class)
                .setParameter("since", since.atStartOfDay()).getResultList()) {
            perDay.merge(submitted.toLocalDate(), 1L, Long::sum);
        }

        List<Double> durations = new ArrayList<>();
        for (Object[] row : em.createQuery("select r.submittedAt, min(h.occurredAt) from EnrolmentRequest r "
                        + "join r.history h where h.toStatus in :decided group by r.id, r.submittedAt", Object[].class)
                .setParameter("decided", List.of(RequestStatus.VALIDEE, RequestStatus.REJETEE)).getResultList()) {
            durations.add(Duration.between((LocalDateTime) row[0], (LocalDateTime) row[1]).toMinutes() / 1440.0);
        }
        durations.sort(Double::compare);
        Double median = durations.isEmpty() ? null : durations.size() % 2 == 1
                ? durations.get(durations.size() / 2)
                : (durations.get(durations.size() / 2 - 1) + durations.get(durations.size() / 2)) / 2;
        return new Figures(perState, perCouloir, perDay, median, durations.size());
    }

    /**
     * Funding amounts HT per call and per couloir: requested (the amount granted at filing, within the ceiling,
     * of every request), validated (avances from their validation on, soldes validated or paid) and paid
     * (avances paid, soldes paid). Summed by the database per call and state.
     */
    public FundingFigures fundingFigures() {
        Map<String, FundingAmounts> perCall = new TreeMap<>();
        Map<String, FundingAmounts> perCouloir = new TreeMap<>();
        for (Object[] row : em.createQuery("select f.call.code, f.call.couloir, f.status, sum(f.grantedHt), "
                + "sum(f.avanceHt), sum(f.soldeHt) from FundingRequest f "
                + "group by f.call.code, f.call.couloir, f.status", Object[].class).getResultList()) {
            FundingStatus status = (FundingStatus) row[2];
            BigDecimal granted = (BigDecimal) row[3];
            BigDecimal avance = (BigDecimal) row[4];
            BigDecimal solde = (BigDecimal) row[5];
            BigDecimal validated = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO;
            if (status.avanceAccepted()) {
                validated = validated.add(avance);
            }
            if (status == FundingStatus.SOLDE_VALIDE || status == FundingStatus.SOLDE_PAYE) {
                validated = validated.add(solde);
            }
            if (status == FundingStatus.AVANCE_PAYEE || status.phase() == FundingStatus.Phase.SOLDE) {
                paid = paid.add(avance);
            }
            if (status == FundingStatus.SOLDE_PAYE) {
                paid = paid.add(solde);
            }
            FundingAmounts amounts = new FundingAmounts(granted, validated, paid);
            perCall.merge((String) row[0], amounts, FundingAmounts::plus);
            perCouloir.merge(((Couloir) row[1]).label(), amounts, FundingAmounts::plus);
        }
        return new FundingFigures(perCall, perCouloir);
    }

    /** Amounts HT, 2 decimals. */
    public record FundingAmounts(BigDecimal requested, BigDecimal validated, BigDecimal paid) implements Serializable {
        FundingAmounts plus(FundingAmounts other) {
            return new FundingAmounts(requested.add(other.requested), validated.add(other.validated),
                    paid.add(other.paid));
        }
    }

    public record FundingFigures(Map<String, FundingAmounts> perCall, Map<String, FundingAmounts> perCouloir)
            implements Serializable {
    }

    /** The figures, ready for charts and for their accessible tables. */
    public record Figures(Map<String, Long> perState, Map<String, Long> perCouloir, Map<LocalDate, Long> perDay,
                          Double medianInstructionDays, int decidedRequests) implements Serializable {
    }
}
