package fr.asp.segur.application.support;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.ratelimit.RateLimit;
import fr.asp.segur.application.ratelimit.RateLimiter;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.model.EmailAddress;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.PhoneNumber;
import fr.asp.segur.domain.support.Couloir;
import fr.asp.segur.domain.support.SupportPhase;
import fr.asp.segur.domain.support.SupportTicket;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * User assistance: the contact form's messages become numbered support tickets (acknowledged to their author,
 * notified to the support mailbox); the service gestion answers them by email and closes them. Every field
 * is judged here; the page only shows the messages.
 */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE, Role.ADMINISTRATEUR_ROLE})
public class SupportService {

    /** The support team's mailbox, notified of every new ticket. */
    public static final String SUPPORT_EMAIL_PROPERTY = "segur.support.email";
    static final String DEFAULT_SUPPORT_EMAIL = "support-segur@asp-public.fr";
    static final int MAX_NAME = 100;
    static final int MAX_REFERENCING_NUMBER = 32;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ANSWER = 4000;
    static final String NOT_FOUND = "Ce ticket est introuvable.";
    static final String CLOSED = "Ce ticket est clos : il ne peut plus être modifié.";
    static final String CHANGED_MEANWHILE = "Ce ticket vient d'être modifié par un autre agent. "
            + "Rechargez-le pour voir son état actuel avant d'agir.";
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;
    @EJB
    private CaptchaService captcha;
    @EJB
    private RateLimiter rateLimiter;
    @EJB
    private MailOutbox outbox;
    @EJB
    private AuditTrail audit;

    // ---- the public contact form ---------------------------------------------------------------------

    /**
     * "Envoyer": every field's rules first (a typo does not spend the captcha), then the captcha, then the
     * ticket, its acknowledgement and the support team's notification, in one transaction.
     *
     * @return the ticket's number, e.g. AST-2026-000123
     */
    @PermitAll
    public String submit(ContactForm form) {
        List<FieldError> errors = new ArrayList<>();
        Couloir couloir = choice(Couloir.class, form.getCouloir(), "couloir", "Le couloir", errors);
        SupportPhase phase = choice(SupportPhase.class, form.getPhase(), "phase", "La phase", errors);
        String lastName = text(form.getLastName(), "lastName", "Le nom", true, MAX_NAME, errors);
        String firstName = text(form.getFirstName(), "firstName", "Le prénom", true, MAX_NAME, errors);
        String email = null;
        try {
            email = EmailAddress.of("email", form.getEmail()).value();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(e.field(), e.getMessage()));
        }
        String phone = null;
        try {
            phone = PhoneNumber.of("phone", form.getPhone()).value();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(e.field(), e.getMessage()));
        }
        String referencingNumber = text(form.getReferencingNumber(), "referencingNumber",
                "Le numéro de référencement", false, MAX_REFERENCING_NUMBER, errors);
        String description = longText(form.getDescription(), "description", "La description", MAX_DESCRIPTION, errors);
        if (!errors.isEmpty()) {
            throw new BusinessRuleException(errors);
        }
        // Per address and per recipient: the acknowledgement goes to the address typed, which must not make the
        // form a relay for mail to someone else.
        rateLimiter.hit(RateLimit.CONTACT, email, "captcha");
        captcha.check("captcha", form.getCaptchaId(), form.getCaptchaAnswer());

        LocalDateTime now = LocalDateTime.now();
        long sequence = ((Number) em.createNativeQuery("select nextval('support_ticket_seq')").getSingleResult())
                .longValue();
        SupportTicket ticket = new SupportTicket(SupportTicket.number(now.getYear(), sequence), couloir, phase,
                new SupportTicket.Contact(lastName, firstName, email, phone), referencingNumber, description, now);
        em.persist(ticket);

        Map<String, Object> model = model(ticket);
        outbox.enqueue(email, "Portail SEGUR Numérique - Votre demande d'assistance " + ticket.getTicketNumber(),
                "assistance-accuse-reception", model);
        outbox.enqueue(supportMailbox(), "Nouvelle demande d'assistance " + ticket.getTicketNumber() + " - "
                + couloir.label() + " / " + phase.label(), "assistance-notification", model);
        return ticket.getTicketNumber();
    }

    // ---- the back office -------------------------------------------------------------------------------

    /** Every ticket, open ones first, the oldest open one at the top (it has waited longest). */
    public List<TicketSummary> tickets() {
        return em.createQuery("select t from SupportTicket t order by t.status desc, t.createdAt, t.id",
                        SupportTicket.class).setMaxResults(500).getResultList().stream()
                .map(t -> new TicketSummary(t.getTicketNumber(), t.getCreatedAt(), t.getStatus().label(), t.isOpen(),
                        t.getCouloir().label(), t.getPhase().label(), t.getFirstName() + " " + t.getLastName(),
                        t.getAnswers().size()))
                .toList();
    }

    public TicketDetail ticket(String number) {
        return TicketDetail.of(find(number));
    }

    /** Emails an answer to the ticket's author (through the outbox) and records it, with its author and date. */
    public void answer(String number, long seenVersion, String rawAnswer) {
        SupportTicket ticket = load(number, seenVersion);
        List<FieldError> errors = new ArrayList<>();
        String body = longText(rawAnswer, "answer", "La réponse", MAX_ANSWER, errors);
        if (!errors.isEmpty()) {
            throw new BusinessRuleException(errors);
        }
        LocalDateTime now = LocalDateTime.now();
        ticket.answer(me(), body, now);
        Map<String, Object> model = model(ticket);
        model.put("answer", body);
        model.put("answeredAt", FRENCH_DATE_TIME.format(now));
        outbox.enqueue(ticket.getEmail(), "Portail SEGUR Numérique - Réponse à votre demande d'assistance "
                + ticket.getTicketNumber(), "assistance-reponse", model);
        done(ticket, "REPONSE_ASSISTANCE", "Réponse envoyée par courriel");
    }

    public void close(String number, long seenVersion) {
        SupportTicket ticket = load(number, seenVersion);
        ticket.close(me(), LocalDateTime.now());
        done(ticket, "CLOTURE_ASSISTANCE", null);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static String supportMailbox() {
        String configured = Settings.optional(SUPPORT_EMAIL_PROPERTY).orElse(null);
        return configured == null || configured.isBlank() ? DEFAULT_SUPPORT_EMAIL : configured.strip();
    }

    private SupportTicket find(String number) {
        List<SupportTicket> found = em.createQuery("select t from SupportTicket t where t.ticketNumber = :n",
                SupportTicket.class).setParameter("n", number == null ? "" : number.strip()).getResultList();
        if (found.isEmpty()) {
            throw new BusinessRuleException("ticket", NOT_FOUND);
        }
        return found.get(0);
    }

    /** The ticket as the agent saw it: closed or changed since, it is refused. */
    private SupportTicket load(String number, long seenVersion) {
        SupportTicket ticket = find(number);
        if (ticket.getVersion() != seenVersion) {
            throw new BusinessRuleException("ticket", CHANGED_MEANWHILE);
        }
        if (!ticket.isOpen()) {
            throw new BusinessRuleException("ticket", CLOSED);
        }
        return ticket;
    }

    private void done(SupportTicket ticket, String action, String detail) {
        audit.record(me(), action, ticket.getTicketNumber(), detail);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new BusinessRuleException("ticket", CHANGED_MEANWHILE);
        }
    }

    private static Map<String, Object> model(SupportTicket t) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", t.getTicketNumber());
        model.put("createdAt", FRENCH_DATE_TIME.format(t.getCreatedAt()));
        model.put("couloir", t.getCouloir().label());
        model.put("phase", t.getPhase().label());
        model.put("lastName", t.getLastName());
        model.put("firstName", t.getFirstName());
        model.put("email", t.getEmail());
        model.put("phone", t.getPhone());
        model.put("referencingNumber", t.getReferencingNumber());
        model.put("description", t.getDescription());
        return model;
    }

    private String me() {
        return context.getCallerPrincipal().getName();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String raw, String field, String label,
                                                List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, label + " est obligatoire : choisissez une option."));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, label + " choisi n'existe pas : choisissez une option de la liste."));
            return null;
        }
    }

    private static String text(String raw, String field, String label, boolean mandatory, int max,
                               List<FieldError> errors) {
        String value = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            if (mandatory) {
                errors.add(new FieldError(field, label + " est obligatoire."));
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, label + " ne doit pas dépasser " + max + " caractères."));
            return null;
        }
        return value;
    }

    /** A message: mandatory, line breaks kept, control characters other than line breaks dropped. */
    private static String longText(String raw, String field, String label, int max, List<FieldError> errors) {
        String value = raw == null ? "" : raw.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (value.isEmpty()) {
            errors.add(new FieldError(field, label + " est obligatoire."));
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, label + " ne doit pas dépasser " + max + " caractères."));
            return null;
        }
        return value;
    }
}
