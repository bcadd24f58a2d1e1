package fr.asp.segur.application.instruction;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.account.SupplierAccess;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.ComplementRequest;
import fr.asp.segur.domain.enrolment.CorrectableField;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.IllegalTransitionException;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.RequestPerson;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agents' decisions on a request. Each one names the version of the request the agent was
 * looking at: if another agent changed it meanwhile, the decision is refused (one wins, the other
 * is told). Each decision goes through the request's life cycle, is written to its history and to
 * the audit trail, and, when the supplier must know, queues an email in the same transaction.
 */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE})
public class InstructionService {

    public static final String CHANGED_MEANWHILE = "Cette demande vient d'être modifiée par un autre agent. "
            + "Rechargez-la pour voir son état actuel avant d'agir.";
    static final String NOT_FOUND = "Cette demande est introuvable.";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;
    @EJB
    private AuditTrail audit;
    @EJB
    private MailOutbox outbox;
    @EJB
    private AccountService accounts;

    private static final String PUBLIC_URL = AccountService.PUBLIC_URL;

    /** "Prendre la demande": the agent starts instructing it. */
    public void take(String requestNumber, long seenVersion) {
        EnrolmentRequest request = load(requestNumber, seenVersion);
        move(request, RequestStatus.EN_INSTRUCTION, null);
        request.assignTo(me());
        done(request, "PRISE_EN_CHARGE", null);
    }

    /** "Demander des compléments": the message says what to provide or correct. */
    public void askForComplements(String requestNumber, long seenVersion, String message) {
        askForComplements(requestNumber, seenVersion, message, Set.of());
    }

    /**
     * "Demander des compléments": the message says what to provide or correct, the documents listed
     * must be sent again. The supplier receives a single-use link (valid
     * {@link ComplementRequest#LINK_LIFETIME}) to answer.
     */
    public void askForComplements(String requestNumber, long seenVersion, String message,
                                  Set<DocumentKind> documents) {
        askForComplements(requestNumber, seenVersion, message, documents, Set.of());
    }

    /**
     * "Demander des compléments" naming, beside the documents, the entered values the supplier must
     * correct (bank details, the representative's contact details); the supplier corrects them on the
     * answer page, with the wizard's rules.
     */
    public void askForComplements(String requestNumber, long seenVersion, String message,
                                  Set<DocumentKind> documents, Set<CorrectableField> fields) {
        EnrolmentRequest request = load(requestNumber, seenVersion);
        move(request, RequestStatus.COMPLEMENTS_DEMANDES, message);
        ComplementRequest.Issued issued = ComplementRequest.ask(request, me(), message.strip(),
                documents == null ? Set.of() : documents, fields == null ? Set.of() : fields, LocalDateTime.now());
        em.persist(issued.complement());
        done(request, "DEMANDE_COMPLEMENTS", message + (issued.complement().getFields().isEmpty() ? ""
                : " [à corriger : " + String.join(", ", issued.complement().getFields().stream()
                .map(CorrectableField::label).toList()) + "]"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("link", PUBLIC_URL + "/complements.xhtml?jeton=" + issued.secret());
        extra.put("documents", issued.complement().getDocuments().stream().map(DocumentKind::label).toList());
        extra.put("hasDocuments", !issued.complement().getDocuments().isEmpty());
        extra.put("fields", issued.complement().getFields().stream().map(CorrectableField::label).toList());
        extra.put("hasFields", !issued.complement().getFields().isEmpty());
        extra.put("expiresAt", issued.complement().getExpiresAt().toLocalDate()
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        notifySupplier(request, "Portail SEGUR Numérique - Compléments demandés pour votre demande d'enrôlement "
                + requestNumber, "complements", message.strip(), extra);
    }

    /** The supplier's answer has been received: the request is instructed again. */
    public void resumeAfterComplements(String requestNumber, long seenVersion) {
        EnrolmentRequest request = load(requestNumber, seenVersion);
        move(request, RequestStatus.EN_INSTRUCTION, null);
        done(request, "REPRISE_INSTRUCTION", null);
    }

    /**
     * Validates the request (guide step 9) and opens the filer's access (step 10): the dépositaire for
     * a tiers déclarant, the legal representative otherwise.
     */
    public void validate(String requestNumber, long seenVersion) {
        EnrolmentRequest request = load(requestNumber, seenVersion);
        move(request, RequestStatus.VALIDEE, null);
        done(request, "VALIDATION", null);
        notifySupplier(request, "Portail SEGUR Numérique - Validation de votre demande d'enrôlement "
                + requestNumber, "validation", null);
        RequestPerson filer = request.person(request.isFilerIsRepresentative() ? PersonRole.REPRESENTANT
                : PersonRole.DEPOSITAIRE).orElseThrow();
        SupplierAccess access = accounts.openSupplierAccess(filer.getEmail(),
                filer.getFirstName() + " " + filer.getLastName(), request.company().siret());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("person", filer);
        model.put("request", request);
        model.put("company", request.company());
        model.put("login", access.login());
        model.put("portal", PUBLIC_URL);
        if (access.passwordLinkSecret() != null) {
            model.put("link", PUBLIC_URL + "/mot-de-passe.xhtml?jeton=" + access.passwordLinkSecret());
            model.put("hours", AccountService.PASSWORD_LINK_LIFETIME.toHours());
            outbox.enqueue(filer.getEmail(), "Portail SEGUR Numérique - Vos identifiants de connexion", "identifiants", model);
        } else {
            outbox.enqueue(filer.getEmail(), "Portail SEGUR Numérique - Ouverture de vos accès pour "
                    + request.company().denomination(), "ouverture-acces", model);
        }
    }

    public void reject(String requestNumber, long seenVersion, String motivation) {
        EnrolmentRequest request = load(requestNumber, seenVersion);
        move(request, RequestStatus.REJETEE, motivation);
        done(request, "REJET", motivation);
        notifySupplier(request, "Portail SEGUR Numérique - Rejet de votre demande d'enrôlement " + requestNumber,
                "rejet", motivation.strip());
    }

    @RolesAllowed(Role.SUPERVISEUR_ROLE)
    public void reassign(String requestNumber, long seenVersion, String agentLogin) {
        EnrolmentRequest request = load(requestNumber, seenVersion);
        if (agentLogin == null || agentLogin.isBlank()) {
            throw new BusinessRuleException("agent", "Choisissez l'agent à qui confier la demande.");
        }
        boolean isAgent = accounts.find(agentLogin).filter(a -> a.isEnabled()
                && (a.hasRole(Role.AGENT) || a.hasRole(Role.SUPERVISEUR))).isPresent();
        if (!isAgent) {
            throw new BusinessRuleException("agent", "Aucun agent actif ne correspond à cet identifiant.");
        }
        request.assignTo(agentLogin.strip().toLowerCase(java.util.Locale.ROOT));
        done(request, "REATTRIBUTION", "à " + request.getAssignedAgent());
    }

    @RolesAllowed(Role.SUPERVISEUR_ROLE)
    public void reopen(String requestNumber, long seenVersion, String motivation) {
        EnrolmentRequest request = load(requestNumber, seenVersion);
        if (motivation == null || motivation.isBlank()) {
            throw new BusinessRuleException("motivation", "La motivation est obligatoire pour rouvrir une demande.");
        }
        move(request, RequestStatus.EN_INSTRUCTION, motivation);
        done(request, "REOUVERTURE", motivation);
    }

    private EnrolmentRequest load(String requestNumber, long seenVersion) {
        List<EnrolmentRequest> found = em.createQuery(
                        "select r from EnrolmentRequest r where r.requestNumber = :number", EnrolmentRequest.class)
                .setParameter("number", requestNumber).getResultList();
        if (found.isEmpty()) {
            throw new BusinessRuleException("request", NOT_FOUND);
        }
        EnrolmentRequest request = found.get(0);
        if (request.getVersion() != seenVersion) {
            throw new BusinessRuleException("request", CHANGED_MEANWHILE);
        }
        return request;
    }

    private void move(EnrolmentRequest request, RequestStatus target, String motivation) {
        try {
            request.moveTo(target, me(), motivation, LocalDateTime.now());
        } catch (IllegalTransitionException e) {
            throw new BusinessRuleException("status", e.getMessage());
        }
    }

    /** Audits the decision and writes it now, so that a concurrent decision is detected here. */
    private void done(EnrolmentRequest request, String action, String detail) {
        audit.record(me(), action, request.getRequestNumber(), detail);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new BusinessRuleException("request", CHANGED_MEANWHILE);
        }
    }

    private void notifySupplier(EnrolmentRequest request, String subject, String template, String motivation) {
        notifySupplier(request, subject, template, motivation, Map.of());
    }

    private void notifySupplier(EnrolmentRequest request, String subject, String template, String motivation,
                                Map<String, Object> extra) {
        Set<String> sent = new LinkedHashSet<>();
        for (RequestPerson person : request.getPeople()) {
            if (sent.add(person.getEmail().toLowerCase(java.util.Locale.ROOT))) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("person", person);
                model.put("request", request);
                model.put("software", request.software());
                model.put("company", request.company());
                model.put("motivation", motivation);
                model.putAll(extra);
                outbox.enqueue(person.getEmail(), subject, template, model);
            }
        }
    }

    private String me() {
        return context.getCallerPrincipal().getName();
    }
}
