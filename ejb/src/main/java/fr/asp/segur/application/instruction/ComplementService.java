package fr.asp.segur.application.instruction;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.supplier.SupplierAccess;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.CorrectableField;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.RequestPerson;
import fr.asp.segur.domain.model.Iban;
import jakarta.annotation.security.RolesAllowed;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.domain.account.AccessToken;
import fr.asp.segur.domain.enrolment.ComplementRequest;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.IllegalTransitionException;
import fr.asp.segur.domain.enrolment.RequestStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supplier's side of a request for complements, reached through the emailed link (the link is
 * the only credential: the supplier may have no account yet; single use and expiring) or, for a
 * supplier who has an account, from their space (the request must be one SupplierAccess lets them see).
 * Answering attaches the new documents beside the old ones (nothing is overwritten), applies the
 * corrections the agent asked for (validated by the wizard's rules) and puts the request back in
 * instruction, with what changed in its history.
 */
@Stateless
@PermitAll
public class ComplementService {

    public static final String LINK_UNUSABLE = "Ce lien n'est plus valable : les compléments ont déjà été envoyés "
            + "ou le délai de réponse est dépassé. Contactez l'assistance en rappelant le numéro de votre demande.";
    public static final String NOTHING_TO_ANSWER = "Aucune demande de compléments n'est en attente de réponse "
            + "pour ce numéro de demande parmi celles de vos sociétés.";
    static final String SUPPLIER = "fournisseur";
    /** The history's motivation column. */
    private static final int MAX_HISTORY_TEXT = 4000;

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private DocumentService documents;
    @EJB
    private AuditTrail audit;
    @EJB
    private EnrolmentService enrolment;
    @EJB
    private SupplierAccess supplierAccess;
    @Resource
    private SessionContext context;

    /** What was asked, for the answer page reached by the emailed link. */
    public ComplementView open(String secret) {
        return view(find(secret));
    }

    /**
     * What was asked, for the answer page reached from the supplier's space: the request must belong to
     * one of the caller's companies and await complements.
     */
    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public ComplementView openMine(String requestNumber) {
        return view(findMine(requestNumber));
    }

    /** The supplier's answer with documents only (no field to correct). */
    public void answer(String secret, String draftToken, String reply) {
        answer(secret, draftToken, reply, new ComplementCorrections());
    }

    /**
     * The supplier's answer through the emailed link: every asked document must have been uploaded under
     * the draft token, every asked field corrected with a value the wizard would accept.
     */
    public void answer(String secret, String draftToken, String reply, ComplementCorrections corrections) {
        answer(find(secret), draftToken, reply, corrections, SUPPLIER);
    }

    /** The same answer from the supplier's space, for a request of one of the caller's companies. */
    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public void answerMine(String requestNumber, String draftToken, String reply, ComplementCorrections corrections) {
        answer(findMine(requestNumber), draftToken, reply, corrections, context.getCallerPrincipal().getName());
    }

    /** {@code auditActor}: the account's login when known (from the space), else "fournisseur" (the link). */
    private void answer(ComplementRequest complement, String draftToken, String reply,
                        ComplementCorrections corrections, String auditActor) {
        Map<DocumentKind, Document> uploaded = documents.drafts(draftToken);
        List<FieldError> errors = new ArrayList<>(complement.getDocuments().stream()
                .filter(k -> !uploaded.containsKey(k))
                .map(k -> new FieldError("documents", "Le document « " + k.label() + " » est obligatoire.")).toList());
        String text = reply == null ? "" : reply.strip();
        if (text.length() > 4000) {
            errors.add(new FieldError("reply", "Votre réponse ne doit pas dépasser 4000 caractères."));
        }
        Corrected corrected = corrected(complement, corrections == null ? new ComplementCorrections() : corrections,
                errors);
        if (!errors.isEmpty()) {
            throw new BusinessRuleException(errors);
        }
        EnrolmentRequest request = complement.getRequest();
        for (DocumentKind kind : complement.getDocuments()) {
            request.attach(uploaded.get(kind));
        }
        List<String> changes = corrected.apply(request);
        String summary = "Compléments reçus" + (complement.getDocuments().isEmpty() ? "" : " : "
                + String.join(", ", complement.getDocuments().stream().map(DocumentKind::label).toList()))
                + (changes.isEmpty() ? "" : ". Corrections : " + String.join(" ; ", changes))
                + (text.isEmpty() ? "" : ". Réponse du fournisseur : " + text);
        if (summary.length() > MAX_HISTORY_TEXT) {
            summary = summary.substring(0, MAX_HISTORY_TEXT - 1) + "…";
        }
        try {
            request.moveTo(RequestStatus.EN_INSTRUCTION, SUPPLIER, summary, LocalDateTime.now());
        } catch (IllegalTransitionException e) {
            throw new BusinessRuleException("request", LINK_UNUSABLE);
        }
        complement.answered(LocalDateTime.now());
        audit.record(auditActor, "REPONSE_COMPLEMENTS", request.getRequestNumber(), summary);
    }

    /**
     * Validates the asked fields with the wizard's own rules ({@link EnrolmentService#checkBankDetails},
     * {@link EnrolmentService#checkContact}): a field not asked keeps its value, and the whole (e.g. a new
     * IBAN with the old BIC) must hold. Collects the errors; changes nothing.
     */
    private Corrected corrected(ComplementRequest complement, ComplementCorrections typed, List<FieldError> errors) {
        Set<CorrectableField> fields = complement.getFields();
        EnrolmentRequest request = complement.getRequest();
        EnrolmentRequest.BankAccount bank = null;
        EnrolmentService.Contact contact = null;
        if (fields.stream().anyMatch(CorrectableField::isBank)) {
            EnrolmentRequest.BankAccount old = request.bankAccount();
            EnrolmentService.Checked<EnrolmentRequest.BankAccount> checked = enrolment.checkBankDetails(
                    fields.contains(CorrectableField.IBAN) ? typed.getIban() : old.iban(),
                    fields.contains(CorrectableField.BIC) ? typed.getBic() : old.bic(),
                    old.holder(),
                    fields.contains(CorrectableField.DOMICILIATION) ? typed.getDomiciliation() : old.domiciliation());
            bank = checked.value();
            errors.addAll(checked.errors());
        }
        if (fields.contains(CorrectableField.REPRESENTANT_EMAIL) || fields.contains(CorrectableField.REPRESENTANT_TELEPHONE)) {
            RequestPerson representative = request.person(PersonRole.REPRESENTANT).orElseThrow();
            boolean email = fields.contains(CorrectableField.REPRESENTANT_EMAIL);
            EnrolmentService.Checked<EnrolmentService.Contact> checked = enrolment.checkContact(PersonRole.REPRESENTANT,
                    email ? typed.getEmail() : representative.getEmail(),
                    email ? typed.getEmailConfirmation() : representative.getEmail(),
                    fields.contains(CorrectableField.REPRESENTANT_TELEPHONE) ? typed.getPhone()
                            : representative.getPhone());
            contact = checked.value();
            errors.addAll(checked.errors());
        }
        return new Corrected(fields, bank, contact);
    }

    /** Validated corrections, applied once every rule of the answer holds. */
    private record Corrected(Set<CorrectableField> fields, EnrolmentRequest.BankAccount bank,
                             EnrolmentService.Contact contact) {

        /** Applies them and says what changed, old → new, the IBAN masked. */
        List<String> apply(EnrolmentRequest request) {
            List<String> changes = new ArrayList<>();
            if (bank != null) {
                EnrolmentRequest.BankAccount old = request.bankAccount();
                change(changes, CorrectableField.IBAN, new Iban(old.iban()).masked(), new Iban(bank.iban()).masked());
                change(changes, CorrectableField.BIC, old.bic(), bank.bic());
                if (fields.contains(CorrectableField.DOMICILIATION) || !java.util.Objects.equals(old.domiciliation(), bank.domiciliation())) {
                    change(changes, CorrectableField.DOMICILIATION, old.domiciliation(), bank.domiciliation());
                }
                request.correctBankAccount(bank);
            }
            if (contact != null) {
                RequestPerson representative = request.person(PersonRole.REPRESENTANT).orElseThrow();
                change(changes, CorrectableField.REPRESENTANT_EMAIL, representative.getEmail(), contact.email());
                change(changes, CorrectableField.REPRESENTANT_TELEPHONE, representative.getPhone(), contact.phone());
                representative.correctContact(contact.email(), contact.phone());
            }
            return changes;
        }

        private void change(List<String> changes, CorrectableField field, String before, String after) {
            if (fields.contains(field) || !java.util.Objects.equals(before, after)) {
                changes.add(field.label() + " : " + before + " → " + after
                        + (java.util.Objects.equals(before, after) ? " (inchangé)" : ""));
            }
        }
    }

    private ComplementView view(ComplementRequest complement) {
        EnrolmentRequest request = complement.getRequest();
        Map<CorrectableField, String> current = new EnumMap<>(CorrectableField.class);
        EnrolmentRequest.BankAccount bank = request.bankAccount();
        current.put(CorrectableField.IBAN, new Iban(bank.iban()).masked());
        current.put(CorrectableField.BIC, bank.bic());
        current.put(CorrectableField.DOMICILIATION, bank.domiciliation() == null ? "" : bank.domiciliation());
        request.person(PersonRole.REPRESENTANT).ifPresent(p -> {
            current.put(CorrectableField.REPRESENTANT_EMAIL, p.getEmail());
            current.put(CorrectableField.REPRESENTANT_TELEPHONE, p.getPhone());
        });
        return new ComplementView(request.getRequestNumber(), complement.getMessage(),
                new ArrayList<>(complement.getDocuments()), new ArrayList<>(complement.getFields()), current,
                complement.getExpiresAt());
    }

    /**
     * The open request for complements of a request {@link SupplierAccess} lets the caller see. Any other
     * number, existing or not, gets the same refusal.
     */
    private ComplementRequest findMine(String requestNumber) {
        ComplementRequest complement = requestNumber == null || requestNumber.isBlank() ? null : em.createQuery(
                        "select c from ComplementRequest c where c.request.requestNumber = :number "
                                + "and c.answeredAt is null order by c.askedAt desc", ComplementRequest.class)
                .setParameter("number", requestNumber.strip()).setMaxResults(1).getResultList().stream()
                .findFirst().orElse(null);
        if (complement == null || !supplierAccess.callerCanSee(complement.getRequest().getId())
                || !complement.isOpen(LocalDateTime.now())
                || complement.getRequest().getStatus() != RequestStatus.COMPLEMENTS_DEMANDES) {
            throw new BusinessRuleException("numero", NOTHING_TO_ANSWER);
        }
        return complement;
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
