package fr.asp.segur.application.instruction;

import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
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

    /** The figures, ready for charts and for their accessible tables. */
    public record Figures(Map<String, Long> perState, Map<String, Long> perCouloir, Map<LocalDate, Long> perDay,
                          Double medianInstructionDays, int decidedRequests) implements Serializable {
    }
}
