package fr.asp.segur.application.reminder;

import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.enrolment.ComplementRequest;
import fr.asp.segur.domain.enrolment.CorrectableField;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.RequestPerson;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the nightly reminders job does to one item, in the job's chunk transaction: each decision
 * re-reads the state it depends on and writes its mark (reminder count, digest row) with its email,
 * so a restarted job never sends the same reminder or digest twice.
 */
@Stateless
@PermitAll
public class ReminderService {

    static final String SYSTEM = "système";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private MailOutbox outbox;
    @EJB
    private AuditTrail audit;

    /** Open requests for complements of requests still waiting, after {@code afterId} (the checkpoint). */
    public List<Long> complementsWaiting(long afterId) {
        return em.createQuery("select c.id from ComplementRequest c where c.answeredAt is null and c.id > :after "
                        + "and c.request.status = :waiting order by c.id", Long.class)
                .setParameter("after", afterId).setParameter("waiting", RequestStatus.COMPLEMENTS_DEMANDES)
                .getResultList();
    }

    /** Reminds the supplier, or after {@code maxReminders} classes the request sans suite. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void remindOrClose(long complementId, Duration delay, int maxReminders) {
        LocalDateTime now = LocalDateTime.now();
        ComplementRequest complement = em.find(ComplementRequest.class, complementId);
        EnrolmentRequest request = complement.getRequest();
        if (request.getStatus() != RequestStatus.COMPLEMENTS_DEMANDES || !complement.isReminderDue(now, delay)) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("request", request);
        model.put("company", request.company());
        model.put("message", complement.getMessage());
        model.put("askedAt", DATE.format(complement.getAskedAt()));
        model.put("documents", complement.getDocuments().stream().map(DocumentKind::label).toList());
        model.put("fields", complement.getFields().stream().map(CorrectableField::label).toList());
        if (complement.getRemindersSent() < maxReminders) {
            String secret = complement.remind(now);
            model.put("link", AccountService.PUBLIC_URL + "/complements.xhtml?jeton=" + secret);
            model.put("expiresAt", DATE.format(complement.getExpiresAt()));
            model.put("remaining", maxReminders - complement.getRemindersSent());
            toSupplier(request, "Portail SEGUR Numérique - Rappel : compléments attendus pour votre demande "
                    + request.getRequestNumber(), "relance-complements", model);
            audit.record(SYSTEM, "RELANCE_COMPLEMENTS", request.getRequestNumber(),
                    "relance " + complement.getRemindersSent() + "/" + maxReminders);
        } else {
            request.moveTo(RequestStatus.CLASSEE_SANS_SUITE, SYSTEM, "Sans réponse aux compléments demandés le "
                    + DATE.format(complement.getAskedAt()) + " malgré " + maxReminders + " rappel(s).", now);
            complement.close(now);
            toSupplier(request, "Portail SEGUR Numérique - Votre demande " + request.getRequestNumber()
                    + " est classée sans suite", "classement-sans-suite", model);
            audit.record(SYSTEM, "CLASSEMENT_SANS_SUITE", request.getRequestNumber(), null);
        }
    }

    /** Agents with requests in instruction untouched (no history row) for {@code stale}. */
    public List<String> agentsWithStaleRequests(Duration stale) {
        return em.createQuery("select distinct r.assignedAgent from EnrolmentRequest r where r.status = :instruction "
                        + "and r.assignedAgent is not null and not exists (select h from RequestHistory h "
                        + "where h.request = r and h.occurredAt > :limit) order by r.assignedAgent", String.class)
                .setParameter("instruction", RequestStatus.EN_INSTRUCTION)
                .setParameter("limit", LocalDateTime.now().minus(stale)).getResultList();
    }

    /** One digest per agent and day; the row in agent_digest makes a second one impossible. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void sendDigest(String agent, Duration stale) {
        LocalDate today = LocalDate.now();
        Number already = (Number) em.createNativeQuery("select count(*) from agent_digest where agent = ? and digest_date = ?")
                .setParameter(1, agent).setParameter(2, today).getSingleResult();
        if (already.longValue() > 0) {
            return;
        }
        List<EnrolmentRequest> requests = em.createQuery("select r from EnrolmentRequest r where r.status = :instruction "
                        + "and r.assignedAgent = :agent and not exists (select h from RequestHistory h "
                        + "where h.request = r and h.occurredAt > :limit) order by r.submittedAt", EnrolmentRequest.class)
                .setParameter("instruction", RequestStatus.EN_INSTRUCTION).setParameter("agent", agent)
                .setParameter("limit", LocalDateTime.now().minus(stale)).getResultList();
        if (requests.isEmpty()) {
            return;
        }
        String email = em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", agent).getResultList().stream().map(Account::getEmail).findFirst().orElse(agent);
        em.createNativeQuery("insert into agent_digest (agent, digest_date, sent_at) values (?, ?, ?)")
                .setParameter(1, agent).setParameter(2, today).setParameter(3, LocalDateTime.now()).executeUpdate();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("days", stale.toDays());
        model.put("requests", requests.stream().map(r -> Map.of("number", r.getRequestNumber(),
                "company", r.company().denomination(), "submittedAt", DATE.format(r.getSubmittedAt()))).toList());
        model.put("portal", AccountService.PUBLIC_URL + "/backoffice/index.xhtml");
        outbox.enqueue(email, "Portail SEGUR Numérique - " + requests.size() + " demande(s) en attente de votre action",
                "synthese-agent", model);
    }

    private void toSupplier(EnrolmentRequest request, String subject, String template, Map<String, Object> base) {
        Set<String> sent = new LinkedHashSet<>();
        for (RequestPerson person : request.getPeople()) {
            if (sent.add(person.getEmail().toLowerCase(Locale.ROOT))) {
                Map<String, Object> model = new LinkedHashMap<>(base);
                model.put("person", person);
                outbox.enqueue(person.getEmail(), subject, template, model);
            }
        }
    }
}
