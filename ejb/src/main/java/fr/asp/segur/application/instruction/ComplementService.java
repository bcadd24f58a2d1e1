package fr.asp.segur.application.instruction;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.domain.account.AccessToken;
import fr.asp.segur.domain.enrolment.ComplementRequest;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.IllegalTransitionException;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The supplier's side of a request for complements, reached through the emailed link: the link is
 * the only credential (the supplier may have no account yet), single use and expiring. Answering
 * attaches the new documents beside the old ones (nothing is overwritten) and puts the request back
 * in instruction, with the change in its history.
 */
@Stateless
@PermitAll
public class ComplementService {

    public static final String LINK_UNUSABLE = "Ce lien n'est plus valable : les compléments ont déjà été envoyés "
            + "ou le délai de réponse est dépassé. Contactez l'assistance en rappelant le numéro de votre demande.";
    static final String SUPPLIER = "fournisseur";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private DocumentService documents;
    @EJB
    private AuditTrail audit;

    /** What was asked, for the answer page. */
    public ComplementView open(String secret) {
        ComplementRequest complement = find(secret);
        return new ComplementView(complement.getRequest().getRequestNumber(), complement.getMessage(),
                new ArrayList<>(complement.getDocuments()), complement.getExpiresAt());
    }

    /** The supplier's answer: every asked document must have been uploaded under the draft token. */
    public void answer(String secret, String draftToken, String reply) {
        ComplementRequest complement = find(secret);
        Map<DocumentKind, Document> uploaded = documents.drafts(draftToken);
        List<String> missing = complement.getDocuments().stream().filter(k -> !uploaded.containsKey(k))
                .map(k -> "Le document « " + k.label() + " » est obligatoire.").toList();
        if (!missing.isEmpty()) {
            throw new BusinessRuleException(missing.stream()
                    .map(m -> new fr.asp.segur.application.FieldError("documents", m)).toList());
        }
        String text = reply == null ? "" : reply.strip();
        if (text.length() > 4000) {
            throw new BusinessRuleException("reply", "Votre réponse ne doit pas dépasser 4000 caractères.");
        }
        EnrolmentRequest request = complement.getRequest();
        for (DocumentKind kind : complement.getDocuments()) {
            request.attach(uploaded.get(kind));
        }
        String summary = "Compléments reçus" + (complement.getDocuments().isEmpty() ? "" : " : "
                + String.join(", ", complement.getDocuments().stream().map(DocumentKind::label).toList()))
                + (text.isEmpty() ? "" : ". Réponse du fournisseur : " + text);
        try {
            request.moveTo(RequestStatus.EN_INSTRUCTION, SUPPLIER, summary, LocalDateTime.now());
        } catch (IllegalTransitionException e) {
            throw new BusinessRuleException("request", LINK_UNUSABLE);
        }
        complement.answered(LocalDateTime.now());
        audit.record(SUPPLIER, "REPONSE_COMPLEMENTS", request.getRequestNumber(), summary);
    }

    private ComplementRequest find(String secret) {
        ComplementRequest complement = secret == null || secret.isBlank() ? null : em.createQuery(
                        "select c from ComplementRequest c where c.tokenHash = :hash", ComplementRequest.class)
                .setParameter("hash", AccessToken.hash(secret)).getResultList().stream().findFirst().orElse(null);
        if (complement == null || !complement.isOpen(LocalDateTime.now())) {
            throw new BusinessRuleException("jeton", LINK_UNUSABLE);
        }
        return complement;
    }
}
