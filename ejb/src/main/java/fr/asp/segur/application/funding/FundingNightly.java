package fr.asp.segur.application.funding;

import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingRequest;
import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the nightly {@code funding-nightly} job does with funding requests: close the calls whose
 * window has ended, and remind suppliers — {@link #REMINDER_DAYS} days before a call's solde deadline —
 * of every paid avance still without its solde. Each reminder is recorded with its request
 * ({@code funding_solde_reminder}, one row per request and threshold) in the transaction that queues
 * its email, so a restarted job never sends one twice.
 */
@Stateless
@PermitAll
public class FundingNightly {

    /** Reminders, in days before the solde deadline: 15, then 3. */
    public static final List<Integer> REMINDER_DAYS = List.of(15, 3);
    static final String SYSTEM = "traitement nocturne";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private PortalClock clock;
    @EJB
    private MailOutbox outbox;
    @EJB
    private AuditTrail audit;

    /** Marks closed the calls whose window has ended; returns their codes. */
    public List<String> closeEndedCalls() {
        LocalDateTime now = clock.now();
        List<String> closed = new ArrayList<>();
        for (FundingCall c : em.createQuery("select c from FundingCall c where c.closedAt is null "
                + "and c.orderWindowEnd < :now order by c.code", FundingCall.class).setParameter("now", now)
                .getResultList()) {
            if (c.closeIfEnded(now)) {
                closed.add(c.getCode());
                audit.record(SYSTEM, "CLOTURE_APPEL", null, c.getCode());
            }
        }
        return closed;
    }

    /**
     * Requests with a paid avance and no solde, whose call's solde deadline is at most the largest
     * reminder delay away in days (and not past), after {@code afterId} (the reader's checkpoint).
     */
    public List<Long> awaitingSolde(long afterId) {
        LocalDateTime now = clock.now();
        return em.createQuery("select r.id from FundingRequest r where r.id > :after and r.status = :paid "
                        + "and r.call.soldeDeadline >= :now and r.call.soldeDeadline < :horizon order by r.id", Long.class)
                .setParameter("after", afterId).setParameter("paid", FundingStatus.AVANCE_PAYEE)
                .setParameter("now", now).setParameter("horizon", now.toLocalDate().plusDays(REMINDER_DAYS.get(0) + 1L).atStartOfDay())
                .getResultList();
    }

    /**
     * Sends the request's due reminder if it has not been sent: the smallest threshold the deadline
     * is within (15 days, then 3). Returns whether an email was queued.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean remindSolde(long requestId) {
        LocalDateTime now = clock.now();
        FundingRequest request = em.find(FundingRequest.class, requestId);
        if (request == null || request.getStatus() != FundingStatus.AVANCE_PAYEE) {
            return false;
        }
        FundingCall call = request.getCall();
        if (!call.openForSoldes(now)) {
            return false;
        }
        long daysLeft = ChronoUnit.DAYS.between(now.toLocalDate(), call.getSoldeDeadline().toLocalDate());
        Integer due = REMINDER_DAYS.stream().filter(d -> daysLeft <= d).reduce((a, b) -> b).orElse(null);
        if (due == null) {
            return false;
        }
        int inserted = em.createNativeQuery("insert into funding_solde_reminder (funding_request_id, days_before, "
                        + "sent_at) select ?1, ?2, ?3 where not exists (select 1 from funding_solde_reminder "
                        + "where funding_request_id = ?1 and days_before = ?2)")
                .setParameter(1, requestId).setParameter(2, due).setParameter(3, now).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", request.getRequestNumber());
        model.put("call", call.getCode());
        model.put("client", request.client().name() + " (" + request.client().identifier() + ")");
        model.put("deadline", DATE_TIME.format(call.getSoldeDeadline()));
        model.put("days", daysLeft);
        model.put("document", call.getSoldeDocument().label());
        model.put("link", AccountService.PUBLIC_URL + "/espace/financements.xhtml");
        outbox.enqueue(request.getFiledBy(), "Portail SEGUR Numérique - Rappel : solde à déposer avant le "
                + DATE_TIME.format(call.getSoldeDeadline()) + " pour la demande " + request.getRequestNumber(),
                "rappel-solde", model);
        audit.record(SYSTEM, "RAPPEL_SOLDE", request.getRequestNumber(), "J-" + due);
        return true;
    }

    /** The reminders already sent for a request (thresholds, in days), for the tests and the detail page. */
    public List<Integer> remindersSent(long requestId) {
        return em.createNativeQuery("select days_before from funding_solde_reminder where funding_request_id = ?1 "
                + "order by days_before desc").setParameter(1, requestId).getResultList().stream()
                .map(o -> ((Number) o).intValue()).toList();
    }

}
