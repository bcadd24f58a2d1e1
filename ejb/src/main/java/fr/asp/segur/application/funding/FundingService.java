package fr.asp.segur.application.funding;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentContent;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.RequestStatus;
import fr.asp.segur.domain.funding.FundingAmounts;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingClient;
import fr.asp.segur.domain.funding.FundingRequest;
import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The supplier's side of funding requests: file an avance, a solde, and follow them in their space.
 * The account is always the caller's, from the server's security context; the rules are
 * {@link FundingRules}'s, with the portal's clock.
 */
@Stateless
@RolesAllowed(Role.FOURNISSEUR_ROLE)
public class FundingService {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private FundingRules rules;
    @EJB
    private FundingCalls calls;
    @EJB
    private DocumentService documents;
    @EJB
    private PortalClock clock;
    @Resource
    private SessionContext context;

    /** A validated enrolment of the caller's companies, with the calls open now for its software. */
    public record FundableEnrolment(Long id, String requestNumber, String siret, String denomination,
                                    String softwareName, String dsrLabel, List<FundingCallView> openCalls)
            implements Serializable {
    }

    /** The caller's validated enrolments whose software's DSR has at least one call open now. */
    public List<FundableEnrolment> fundableEnrolments() {
        Set<String> sirets = me().getCompanies();
        if (sirets.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from EnrolmentRequest r where r.siret in :sirets and r.status = :status "
                        + "order by r.submittedAt desc", EnrolmentRequest.class)
                .setParameter("sirets", sirets).setParameter("status", RequestStatus.VALIDEE).getResultList().stream()
                .filter(r -> rules.accessibleEnrolment(login(), r.getId()).isPresent())
                .map(r -> new FundableEnrolment(r.getId(), r.getRequestNumber(), r.company().siret(),
                        r.company().denomination(), r.software().name(), r.software().dsrLabel(),
                        calls.openFor(r.software().dsrLabel())))
                .filter(f -> !f.openCalls().isEmpty())
                .toList();
    }

    /** Every broken rule of the form (order form's file included when a draft is given); stores nothing. */
    public List<FieldError> check(FundingRequestForm form, String draftToken) {
        return rules.check(login(), form, draftToken, clock.now());
    }

    /** The amounts before "Confirmer". */
    public FundingQuote quote(FundingRequestForm form) {
        return rules.quote(login(), form, clock.now());
    }

    /** "Rechercher": the client in the referential of the call's kind; empty when it does not know it. */
    public Optional<FundingClient> lookUpClient(String callCode, String identifier) {
        FundingCall call = rules.call(callCode).orElseThrow(() -> new BusinessRuleException(FundingChecks.CALL,
                "Choisissez l'appel à financement."));
        return rules.lookUpClient(call.getClientKind(), identifier);
    }

    /** Stores an upload (order form, invoice, VA, MOM) under the page's draft token; refusals change nothing. */
    public void stage(String draftToken, DocumentKind kind, String fileName, InputStream content) {
        if (kind != DocumentKind.BON_DE_COMMANDE && kind != DocumentKind.FACTURE
                && kind != DocumentKind.VERIFICATION_APTITUDE && kind != DocumentKind.MISE_EN_ORDRE_DE_MARCHE) {
            throw new IllegalArgumentException("Not a funding document: " + kind);
        }
        documents.stage(draftToken, kind, fileName, content);
    }

    /** "Confirmer": files the avance request. */
    public FiledFunding file(FundingRequestForm form, String draftToken) {
        return rules.file(login(), form, draftToken, null, clock.now());
    }

    /** "Demande de solde" on one of the caller's requests. */
    public FiledFunding fileSolde(String requestNumber, String draftToken) {
        return rules.fileSolde(login(), requestNumber, draftToken, clock.now());
    }

    /** The caller's funding requests, newest first, optionally of one call and / or one state (names of FundingStatus). */
    public List<SupplierFunding> myRequests(String callCode, String status) {
        Set<String> sirets = me().getCompanies();
        if (sirets.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("select r from FundingRequest r where r.supplierSiret in :sirets");
        FundingStatus wanted = status == null || status.isBlank() ? null : FundingStatus.valueOf(status);
        boolean byCall = callCode != null && !callCode.isBlank();
        if (byCall) {
            jpql.append(" and r.call.code = :call");
        }
        if (wanted != null) {
            jpql.append(" and r.status = :status");
        }
        var query = em.createQuery(jpql.append(" order by r.filedAt desc, r.id desc").toString(), FundingRequest.class)
                .setParameter("sirets", sirets);
        if (byCall) {
            query.setParameter("call", callCode.strip());
        }
        if (wanted != null) {
            query.setParameter("status", wanted);
        }
        String me = login();
        return query.getResultList().stream()
                .filter(r -> rules.accessibleEnrolment(me, r.getEnrolmentRequestId()).isPresent())
                .map(r -> view(r, false)).toList();
    }

    /** One of the caller's requests with its history and documents; any other number gives nothing. */
    public Optional<SupplierFunding> myRequest(String requestNumber) {
        return rules.accessibleRequest(login(), requestNumber).map(r -> view(r, true));
    }

    /** The calls the caller's requests were filed against, for the list's filter. */
    public List<String> myCalls() {
        Set<String> sirets = me().getCompanies();
        if (sirets.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct r.call.code from FundingRequest r where r.supplierSiret in :sirets "
                + "order by r.call.code", String.class).setParameter("sirets", sirets).getResultList();
    }

    /** A document of one of the caller's funding requests; any other id gives nothing. */
    public Optional<OpenedFundingDocument> myDocument(long documentId) {
        Document d = em.find(Document.class, documentId);
        if (d == null || d.getFundingRequestId() == null) {
            return Optional.empty();
        }
        FundingRequest r = em.find(FundingRequest.class, d.getFundingRequestId());
        if (r == null || rules.accessibleEnrolment(login(), r.getEnrolmentRequestId()).isEmpty()) {
            return Optional.empty();
        }
        DocumentContent content = em.find(DocumentContent.class, documentId);
        return Optional.of(new OpenedFundingDocument(d.getFileName(), d.getMediaType(), content.getContent()));
    }

    /** A document's bytes as its owner downloads them. */
    public record OpenedFundingDocument(String fileName, String mediaType, byte[] content) {
    }

    private SupplierFunding view(FundingRequest r, boolean detailed) {
        FundingAmounts a = r.amounts();
        FundingClient client = r.client();
        FundingCall call = r.getCall();
        EnrolmentRequest enrolment = em.find(EnrolmentRequest.class, r.getEnrolmentRequestId());
        LocalDateTime now = clock.now();
        boolean soldeAllowed = r.getStatus().canMoveTo(FundingStatus.SOLDE_DEPOSE) && call.openForSoldes(now);
        String paid = switch (r.getStatus()) {
            case AVANCE_PAYEE, SOLDE_DEPOSE, SOLDE_EN_INSTRUCTION, SOLDE_COMPLEMENTS, SOLDE_VALIDE, SOLDE_REJETE ->
                    a.avanceHt().formatted();
            case SOLDE_PAYE -> a.grantedHt().formatted();
            default -> fr.asp.segur.domain.funding.Amount.ZERO.formatted();
        };
        List<SupplierFunding.Kind> soldeKinds = FundingRules.soldeDocuments(call.getSoldeDocument()).stream()
                .map(k -> new SupplierFunding.Kind(k.name(), k.label())).toList();
        List<SupplierFunding.Step> history = !detailed ? List.of() : em.createQuery(
                        "select h from FundingHistory h where h.request = :r order by h.id",
                        fr.asp.segur.domain.funding.FundingHistory.class).setParameter("r", r).getResultList().stream()
                .map(h -> new SupplierFunding.Step(h.getOccurredAt(), h.getToStatus().label(), h.getMotivation()))
                .toList();
        List<SupplierFunding.File> files = !detailed ? List.of() : em.createQuery(
                        "select d from Document d where d.fundingRequestId = :id order by d.id", Document.class)
                .setParameter("id", r.getId()).getResultList().stream()
                .map(d -> new SupplierFunding.File(d.getId(), d.getKind().label(), d.getFileName())).toList();
        return new SupplierFunding(r.getId(), r.getRequestNumber(), call.getCode(), call.getLabel(),
                enrolment == null ? null : enrolment.getRequestNumber(),
                enrolment == null ? null : enrolment.software().name(), client.kind().identifierLabel(),
                client.identifier(), client.name(), client.known(), r.getCeilingTranche(), r.getStatus().name(),
                r.getStatus().label(), r.getStatus().awaitedFromSupplier(), a.orderHt().formatted(),
                a.grantedHt().formatted(), a.grantedTtc().formatted(), a.avanceHt().formatted(),
                a.avanceTtc().formatted(), a.soldeHt().formatted(), a.soldeTtc().formatted(), paid, r.getFiledAt(),
                FundingChecks.DAY.format(r.getOrderSignedOn()), r.getConflictWithId() != null, soldeAllowed,
                FundingChecks.MINUTE.format(call.getSoldeDeadline()), soldeKinds, history, files);
    }

    private String login() {
        return context.getCallerPrincipal().getName();
    }

    private Account me() {
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", Account.normalise(login())).getSingleResult();
    }
}
