package fr.asp.segur.application.funding;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.supplier.SupplierQueries;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.IllegalTransitionException;
import fr.asp.segur.domain.funding.FundingComplementRequest;
import fr.asp.segur.domain.funding.FundingRequest;
import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The supplier's answer to a request for complements on a funding request, from their space: the request
 * must belong to one of the account's companies and await complements (any other number, existing or not,
 * gets the same refusal). When the emailed link's secret is given it must be the open request's. Answering
 * attaches the new documents beside the old ones and puts the request back in instruction.
 */
@Stateless
@RolesAllowed(Role.FOURNISSEUR_ROLE)
public class FundingComplements {

    public static final String NOTHING_TO_ANSWER = "Aucune demande de compléments n'est en attente de réponse pour "
            + "ce numéro de demande de financement parmi celles de vos sociétés.";
    private static final int MAX_HISTORY_TEXT = 4000;

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private DocumentService documents;
    @EJB
    private SupplierQueries supplier;
    @EJB
    private AuditTrail audit;
    @EJB
    private PortalClock clock;
    @Resource
    private SessionContext context;

    /** What was asked. */
    public FundingComplementView open(String requestNumber, String secret) {
        FundingComplementRequest complement = findMine(requestNumber, secret);
        FundingRequest request = complement.getRequest();
        return new FundingComplementView(request.getRequestNumber(), request.getCall().getCode(),
                request.client().name(), request.getStatus().label(), complement.getMessage(),
                new ArrayList<>(complement.getDocuments()), complement.getExpiresAt());
    }

    /** Every asked document must have been staged under the draft token; the reply is optional. */
    public void answer(String requestNumber, String secret, String draftToken, String reply) {
        FundingComplementRequest complement = findMine(requestNumber, secret);
        Map<DocumentKind, Document> uploaded = documents.drafts(draftToken);
        List<FieldError> errors = new ArrayList<>(complement.getDocuments().stream()
                .filter(k -> !uploaded.containsKey(k))
                .map(k -> new FieldError("documents", "Le document « " + k.label() + " » est obligatoire.")).toList());
        String text = reply == null ? "" : reply.strip();
        if (text.length() > 4000) {
            errors.add(new FieldError("reply", "Votre réponse ne doit pas dépasser 4000 caractères."));
        }
        if (complement.getDocuments().isEmpty() && text.isEmpty()) {
            errors.add(new FieldError("reply", "Répondez au message du service gestion."));
        }
        if (!errors.isEmpty()) {
            throw new BusinessRuleException(errors);
        }
        FundingRequest request = complement.getRequest();
        for (DocumentKind kind : complement.getDocuments()) {
            uploaded.get(kind).attachToFundingRequest(request.getId());
        }
        String summary = "Compléments reçus" + (complement.getDocuments().isEmpty() ? "" : " : "
                + String.join(", ", complement.getDocuments().stream().map(DocumentKind::label).toList()))
                + (text.isEmpty() ? "" : ". Réponse du fournisseur : " + text);
        if (summary.length() > MAX_HISTORY_TEXT) {
            summary = summary.substring(0, MAX_HISTORY_TEXT - 1) + "…";
        }
        LocalDateTime now = clock.now();
        FundingStatus back = request.getStatus() == FundingStatus.SOLDE_COMPLEMENTS
                ? FundingStatus.SOLDE_EN_INSTRUCTION : FundingStatus.AVANCE_EN_INSTRUCTION;
        String me = context.getCallerPrincipal().getName();
        try {
            request.moveTo(back, me, summary, now);
        } catch (IllegalTransitionException e) {
            throw new BusinessRuleException("numero", NOTHING_TO_ANSWER);
        }
        complement.answered(now);
        audit.record(me, "FINANCEMENT_REPONSE_COMPLEMENTS", request.getRequestNumber(), summary);
    }

    private FundingComplementRequest findMine(String requestNumber, String secret) {
        Set<String> mine = supplier.myCompanies();
        FundingComplementRequest complement = requestNumber == null || requestNumber.isBlank() ? null
                : em.createQuery("select c from FundingComplementRequest c where c.request.requestNumber = :number "
                                + "and c.answeredAt is null order by c.askedAt desc", FundingComplementRequest.class)
                .setParameter("number", requestNumber.strip().toUpperCase(Locale.ROOT)).setMaxResults(1)
                .getResultList().stream().findFirst().orElse(null);
        FundingStatus status = complement == null ? null : complement.getRequest().getStatus();
        if (complement == null || !mine.contains(complement.getRequest().getSupplierSiret())
                || !complement.isOpen(clock.now())
                || (status != FundingStatus.AVANCE_COMPLEMENTS && status != FundingStatus.SOLDE_COMPLEMENTS)
                || (secret != null && !secret.isBlank() && !complement.isLink(secret.strip()))) {
            throw new BusinessRuleException("numero", NOTHING_TO_ANSWER);
        }
        return complement;
    }
}
