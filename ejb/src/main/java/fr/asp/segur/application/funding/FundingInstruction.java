package fr.asp.segur.application.funding;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.IllegalTransitionException;
import fr.asp.segur.domain.funding.FundingClientClaim;
import fr.asp.segur.domain.funding.FundingComplementRequest;
import fr.asp.segur.domain.funding.FundingRequest;
import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agents' decisions on a funding request, for its avance and its solde alike: the request's state says
 * which phase a decision is about, and {@link FundingStatus#canMoveTo} whether it is allowed. Each decision
 * names the version the agent saw (another agent's change in between refuses it with
 * {@link #CHANGED_MEANWHILE}), writes the request's history and the audit trail, and emails the supplier,
 * all in one transaction.
 * <p>
 * "The same client is funded once per call": rejecting the avance of the request that holds the client's
 * claim hands the claim to the oldest request in conflict with it (its conflict cleared, the others now in
 * conflict with it), or deletes the claim; a request in conflict cannot be validated while its competitor
 * holds the claim.
 */
@Stateless
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE})
public class FundingInstruction {

    public static final String CHANGED_MEANWHILE = "Cette demande de financement vient d'être modifiée par un "
            + "autre agent. Rechargez-la pour voir son état actuel avant d'agir.";
    static final String SUBJECT = "Portail SEGUR Numérique - ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @Resource
    private SessionContext context;
    @EJB
    private AuditTrail audit;
    @EJB
    private MailOutbox outbox;
    @EJB
    private PortalClock clock;

    /** The outcome of one request of a "Valider la sélection". */
    public record Outcome(String requestNumber, boolean validated, String message) implements Serializable {
    }

    /** "Prendre la demande": the agent starts instructing its avance or its solde. */
    public void take(String requestNumber, long seenVersion) {
        FundingRequest request = load(requestNumber, seenVersion);
        move(request, phased(request, FundingStatus.AVANCE_EN_INSTRUCTION, FundingStatus.SOLDE_EN_INSTRUCTION), null);
        request.assignTo(me());
        done(request, "FINANCEMENT_PRISE_EN_CHARGE", null);
    }

    /**
     * "Demander des compléments": the message says what is missing; the documents listed (order form,
     * invoice, VA, MOM) must be sent again. The supplier answers from their space through the emailed link
     * (single use, {@link FundingComplementRequest#LINK_LIFETIME}).
     */
    public void askForComplements(String requestNumber, long seenVersion, String message, Set<DocumentKind> documents) {
        FundingRequest request = load(requestNumber, seenVersion);
        Set<DocumentKind> asked = documents == null ? Set.of() : documents;
        if (!FundingComplementRequest.ASKABLE.containsAll(asked)) {
            throw new BusinessRuleException("documents", "Seuls le bon de commande, la facture, la VA et la MOM "
                    + "peuvent être demandés à nouveau pour une demande de financement.");
        }
        if (message != null && message.strip().length() > 4000) {
            throw new BusinessRuleException("motivation", "Le message ne doit pas dépasser 4000 caractères.");
        }
        move(request, phased(request, FundingStatus.AVANCE_COMPLEMENTS, FundingStatus.SOLDE_COMPLEMENTS), message);
        LocalDateTime now = clock.now();
        FundingComplementRequest.Issued issued = FundingComplementRequest.ask(request, me(), message.strip(), asked,
                now);
        em.persist(issued.complement());
        List<String> labels = issued.complement().getDocuments().stream().map(DocumentKind::label).toList();
        done(request, "FINANCEMENT_DEMANDE_COMPLEMENTS", message.strip()
                + (labels.isEmpty() ? "" : " [documents : " + String.join(", ", labels) + "]"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("link", AccountService.PUBLIC_URL + "/espace/financement-complements.xhtml?numero="
                + request.getRequestNumber() + "&jeton=" + issued.secret());
        extra.put("documents", labels);
        extra.put("hasDocuments", !labels.isEmpty());
        extra.put("expiresAt", DAY.format(issued.complement().getExpiresAt()));
        notifySupplier(request, "Compléments demandés pour votre demande de financement", "financement-complements",
                message.strip(), extra);
    }

    /** Validates the avance or the solde: it goes to the next payment batch. */
    public void validate(String requestNumber, long seenVersion) {
        FundingRequest request = load(requestNumber, seenVersion);
        boolean avance = request.getStatus().phase() == FundingStatus.Phase.AVANCE;
        if (avance) {
            holdClaim(request);
        }
        move(request, phased(request, FundingStatus.AVANCE_VALIDEE, FundingStatus.SOLDE_VALIDE), null);
        done(request, avance ? "FINANCEMENT_VALIDATION_AVANCE" : "FINANCEMENT_VALIDATION_SOLDE", null);
        notifySupplier(request, (avance ? "Validation de l'avance" : "Validation du solde")
                + " de votre demande de financement", "financement-validation", null, Map.of());
    }

    /**
     * "Valider la sélection": each request is checked again and validated in its own transaction, as
     * {@link #validate} would; one outcome per request, in the order given, and a refused one changes
     * nothing of itself nor of the others.
     *
     * @param seenVersions each request number and the version the agent saw in the queue
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Outcome> validateAll(Map<String, Long> seenVersions) {
        if (seenVersions == null || seenVersions.isEmpty()) {
            throw new BusinessRuleException("selection", "Cochez au moins une demande à valider.");
        }
        FundingInstruction self = context.getBusinessObject(FundingInstruction.class);
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Long> entry : seenVersions.entrySet()) {
            try {
                self.validateAlone(entry.getKey(), entry.getValue());
                outcomes.add(new Outcome(entry.getKey(), true, "Validée."));
            } catch (BusinessRuleException e) {
                outcomes.add(new Outcome(entry.getKey(), false, e.getMessage()));
            } catch (EJBException e) {
                // A commit that failed (a truly simultaneous change): nothing of this request was written.
                outcomes.add(new Outcome(entry.getKey(), false, CHANGED_MEANWHILE));
            }
        }
        return outcomes;
    }

    /** One request of {@link #validateAll}, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void validateAlone(String requestNumber, long seenVersion) {
        validate(requestNumber, seenVersion);
    }

    /** Rejects the avance or the solde (final); the motivation is mandatory and sent to the supplier. */
    public void reject(String requestNumber, long seenVersion, String motivation) {
        FundingRequest request = load(requestNumber, seenVersion);
        boolean avance = request.getStatus().phase() == FundingStatus.Phase.AVANCE;
        move(request, phased(request, FundingStatus.AVANCE_REJETEE, FundingStatus.SOLDE_REJETE), motivation);
        String released = avance ? releaseClaim(request) : "";
        done(request, avance ? "FINANCEMENT_REJET_AVANCE" : "FINANCEMENT_REJET_SOLDE", motivation.strip() + released);
        notifySupplier(request, (avance ? "Rejet de l'avance" : "Rejet du solde") + " de votre demande de financement",
                "financement-rejet", motivation.strip(), Map.of());
    }

    /**
     * Before validating an avance: a request in conflict is refused while its competitor holds the client;
     * once the claim is free (or its own), the request takes or keeps it and its conflict is cleared.
     */
    private void holdClaim(FundingRequest request) {
        FundingClientClaim.Key key = new FundingClientClaim.Key(request.getCall().getId(),
                request.client().identifier());
        FundingClientClaim claim = em.find(FundingClientClaim.class, key);
        if (claim != null && !claim.getFundingRequestId().equals(request.getId())) {
            FundingRequest holder = em.find(FundingRequest.class, claim.getFundingRequestId());
            throw new BusinessRuleException("conflit", "La demande " + request.getRequestNumber()
                    + " ne peut pas être validée : le client " + request.client().identifier()
                    + " est retenu pour cet appel par la demande " + (holder == null ? "" : holder.getRequestNumber()
                    + " (" + holder.getStatus().label() + ")") + ". Rejetez d'abord l'une des deux demandes.");
        }
        if (claim == null) {
            em.persist(new FundingClientClaim(request.getCall().getId(),
                    request.client().identifier(), request.getId(), clock.now()));
        }
        request.clearConflict();
    }

    /**
     * After rejecting an avance: if this request held the client, the oldest request in conflict with it
     * takes the claim over (and the other ones are now in conflict with that one), else the claim is
     * deleted. Says what happened, for the audit trail.
     */
    private String releaseClaim(FundingRequest request) {
        FundingClientClaim claim = em.find(FundingClientClaim.class, new FundingClientClaim.Key(
                request.getCall().getId(), request.client().identifier()));
        if (claim == null || !claim.getFundingRequestId().equals(request.getId())) {
            return "";
        }
        List<FundingRequest> waiting = em.createQuery("select f from FundingRequest f where f.conflictWithId = :id "
                        + "and f.status not in :rejected order by f.filedAt, f.id", FundingRequest.class)
                .setParameter("id", request.getId())
                .setParameter("rejected", List.of(FundingStatus.AVANCE_REJETEE, FundingStatus.SOLDE_REJETE))
                .getResultList();
        if (waiting.isEmpty()) {
            em.remove(claim);
            return " [client libéré pour l'appel]";
        }
        FundingRequest heir = waiting.get(0);
        claim.transferTo(heir.getId(), clock.now());
        heir.clearConflict();
        for (FundingRequest other : waiting.subList(1, waiting.size())) {
            other.markConflictWith(heir.getId());
        }
        audit.record(me(), "FINANCEMENT_CLIENT_TRANSFERE", heir.getRequestNumber(),
                "Client " + request.client().identifier() + " repris de la demande " + request.getRequestNumber());
        return " [client transféré à la demande " + heir.getRequestNumber() + "]";
    }

    private FundingRequest load(String requestNumber, long seenVersion) {
        FundingRequest request = FundingQueries.find(em, requestNumber);
        if (request.getVersion() != seenVersion) {
            throw new BusinessRuleException("numero", CHANGED_MEANWHILE);
        }
        return request;
    }

    private static FundingStatus phased(FundingRequest request, FundingStatus avance, FundingStatus solde) {
        return request.getStatus().phase() == FundingStatus.Phase.AVANCE ? avance : solde;
    }

    private void move(FundingRequest request, FundingStatus target, String motivation) {
        try {
            request.moveTo(target, me(), motivation, clock.now());
        } catch (IllegalTransitionException e) {
            throw new BusinessRuleException("status", e.getMessage());
        }
    }

    /** Audits the decision and writes it now, so that a concurrent decision is detected here. */
    private void done(FundingRequest request, String action, String detail) {
        audit.record(me(), action, request.getRequestNumber(), detail);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new BusinessRuleException("numero", CHANGED_MEANWHILE);
        } catch (PersistenceException e) {
            throw new BusinessRuleException("numero", CHANGED_MEANWHILE);
        }
    }

    /** The decision's email to the account that filed the request (its login is its email address). */
    private void notifySupplier(FundingRequest request, String subject, String template, String motivation,
                                Map<String, Object> extra) {
        EnrolmentRequest enrolment = em.find(EnrolmentRequest.class, request.getEnrolmentRequestId());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", request.getRequestNumber());
        model.put("call", request.getCall().getCode() + " – " + request.getCall().getLabel());
        model.put("client", request.client().name() + " (" + request.client().kind().name() + " "
                + request.client().identifier() + ")");
        model.put("company", enrolment == null ? request.getSupplierSiret() : enrolment.company().denomination());
        model.put("status", request.getStatus().label());
        model.put("granted", request.amounts().grantedHt().formatted());
        model.put("avance", request.amounts().avanceHt().formatted());
        model.put("solde", request.amounts().soldeHt().formatted());
        model.put("isAvance", request.getStatus().phase() == FundingStatus.Phase.AVANCE);
        model.put("motivation", motivation);
        model.put("space", AccountService.PUBLIC_URL + "/espace/index.xhtml");
        model.putAll(extra);
        outbox.enqueue(request.getFiledBy(), SUBJECT + subject + " " + request.getRequestNumber(), template, model);
    }

    private String me() {
        return context.getCallerPrincipal().getName();
    }
}
