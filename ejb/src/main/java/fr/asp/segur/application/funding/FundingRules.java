package fr.asp.segur.application.funding;

import fr.asp.segur.application.UniqueViolations;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.application.referential.ClientReferentials;
import fr.asp.segur.application.supplier.SupplierAccess;
import fr.asp.segur.application.referential.FinessEstablishmentView;
import fr.asp.segur.application.referential.ReferentialService;
import fr.asp.segur.application.referential.RppsProfessionalView;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.RequestStatus;
import fr.asp.segur.domain.funding.Amount;
import fr.asp.segur.domain.funding.ClientKind;
import fr.asp.segur.domain.funding.FundingAmounts;
import fr.asp.segur.domain.funding.FundingCall;
import fr.asp.segur.domain.funding.FundingClient;
import fr.asp.segur.domain.funding.FundingClientClaim;
import fr.asp.segur.domain.funding.FundingRequest;
import fr.asp.segur.domain.funding.FundingRequestNumber;
import fr.asp.segur.domain.funding.FundingStatus;
import fr.asp.segur.domain.funding.SoldeDocument;
import fr.asp.segur.domain.model.Finess;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.Rpps;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every rule of filing a funding request, once, for every path that files one (the supplier's pages,
 * bulk deposits, the API). Callers pass the login they authenticated and the portal's time
 * ({@code PortalClock.now()}); the rules never widen what that account may reach.
 * <p>
 * "The same client is funded once per call, whoever the supplier" is settled by the database: the
 * first request for a client inserts its {@link FundingClientClaim}, whose primary key (call, client)
 * makes a concurrent second insert fail. {@link #file} then files once more in a new transaction,
 * which sees the claim and so ends as a conflict (holder undecided) or a refusal (holder's avance
 * accepted): never an error page, never two claims.
 */
@Stateless
@PermitAll
public class FundingRules {

    public static final String ALREADY_FUNDED = "Ce client a déjà obtenu un financement au titre de cet appel.";
    static final String ORDER_FORM_MISSING = "Joignez le bon de commande signé par le client (PDF).";
    static final String NOT_PDF = "Le document « %s » doit être un fichier PDF.";
    static final String ENROLMENT_UNKNOWN =
            "Cet enrôlement n'existe pas ou n'appartient pas à l'une de vos sociétés.";
    static final String REQUEST_UNKNOWN =
            "Cette demande de financement n'existe pas ou n'appartient pas à l'une de vos sociétés.";
    private static final String PDF = "application/pdf";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private ClientReferentials clients;
    @EJB
    private SupplierAccess supplierAccess;
    @EJB
    private ReferentialService referentials;
    @EJB
    private DocumentService documents;
    @EJB
    private MailOutbox outbox;
    @Resource
    private SessionContext context;

    /** Every broken rule of the form, without the order form's file; stores nothing. */
    public List<FieldError> check(String accountLogin, FundingRequestForm form, LocalDateTime now) {
        return evaluate(accountLogin, form, null, now).errors.list;
    }

    /** The same, with the order form uploaded under {@code draftToken}; stores nothing. */
    public List<FieldError> check(String accountLogin, FundingRequestForm form, String draftToken, LocalDateTime now) {
        return evaluate(accountLogin, form, draftToken, now).errors.list;
    }

    /**
     * The amounts and the client of the request if it were filed now (the step before "Confirmer");
     * the order form's file is not required yet.
     *
     * @throws BusinessRuleException with every broken rule
     */
    public FundingQuote quote(String accountLogin, FundingRequestForm form, LocalDateTime now) {
        Evaluation e = evaluate(accountLogin, form, null, now);
        e.throwIfAny();
        return e.quote();
    }

    /**
     * The client a call's kind names by this identifier, as its referential knows it; empty when the
     * referential does not know it (it may still be filed, flagged for agents).
     *
     * @throws BusinessRuleException when the identifier's format is wrong or the client is closed
     */
    public Optional<FundingClient> lookUpClient(ClientKind kind, String rawIdentifier) {
        String identifier;
        try {
            identifier = FundingChecks.clientIdentifier(kind, rawIdentifier);
        } catch (InvalidValueException e) {
            throw BusinessRuleException.of(e);
        }
        return referentialClient(kind, identifier);
    }

    /**
     * Files an avance request: checks every rule, numbers and stores it with the order form staged
     * under {@code draftToken}, claims its client for the call (or records the conflict), and, unless
     * it comes from a bulk deposit ({@code depositId} not null), emails the acknowledgement.
     * Runs in its own transaction(s): see the class comment for the retry.
     *
     * @throws BusinessRuleException with every broken rule; nothing is stored then
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FiledFunding file(String accountLogin, FundingRequestForm form, String draftToken, Long depositId,
                             LocalDateTime now) {
        FundingRules self = context.getBusinessObject(FundingRules.class);
        try {
            return self.fileInNewTransaction(accountLogin, form, draftToken, depositId, now);
        } catch (EJBException e) {
            if (!UniqueViolations.isUniqueViolation(e)) {
                throw e;
            }
            // Another request claimed the client between our check and our insert: this attempt sees it.
            return self.fileInNewTransaction(accountLogin, form, draftToken, depositId, now);
        }
    }

    /**
     * {@link #file} for a bulk deposit, which is all-or-nothing: the same filing, in the deposit's
     * transaction (one line refused or a claim lost and the whole deposit rolls back, to be retried
     * by the deposit as a whole).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public FiledFunding fileWithinDeposit(String accountLogin, FundingRequestForm form, String draftToken,
                                          long depositId, LocalDateTime now) {
        // A direct call, not through the container: it joins the caller's transaction.
        return fileInNewTransaction(accountLogin, form, draftToken, depositId, now);
    }

    /** One attempt of {@link #file}, in a transaction of its own; call {@link #file} instead. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FiledFunding fileInNewTransaction(String accountLogin, FundingRequestForm form, String draftToken,
                                             Long depositId, LocalDateTime now) {
        if (draftToken == null || draftToken.length() < 32) {
            throw new BusinessRuleException(DocumentKind.BON_DE_COMMANDE.name(), ORDER_FORM_MISSING);
        }
        Evaluation e = evaluate(accountLogin, form, draftToken, now);
        e.throwIfAny();
        long sequence = ((Number) em.createNativeQuery("select nextval('funding_number_seq')").getSingleResult())
                .longValue();
        String number = FundingRequestNumber.fromSequence(sequence).value();
        FundingRequest request = new FundingRequest(number, e.call, e.enrolment.getId(),
                e.enrolment.company().siret(), e.account.getLogin(), e.client, e.tranche, e.signedOn, e.amounts, now);
        if (depositId != null) {
            request.fromDeposit(depositId);
        }
        em.persist(request);
        em.flush();
        if (e.holder != null) {
            request.markConflictWith(e.holder.getId());
        } else if (e.claim != null) {
            // The holder was rejected but its claim was left behind: the client is free again.
            e.claim.transferTo(request.getId(), now);
        } else {
            em.persist(new FundingClientClaim(e.call.getId(), e.client.identifier(), request.getId(), now));
        }
        for (Document d : documents.drafts(draftToken).values()) {
            if (d.getKind() == DocumentKind.BON_DE_COMMANDE) {
                d.attachToFundingRequest(request.getId());
            }
        }
        em.flush();
        if (depositId == null) {
            acknowledge(e.account, request, e.holder != null);
        }
        return new FiledFunding(request.getId(), number, request.getStatus().label(),
                request.getConflictWithId() == null ? null : e.holder.getRequestNumber());
    }

    /**
     * "Demande de solde" on a request whose avance was paid: the invoice to the client and the
     * client-signed document the call requires, staged under {@code draftToken}, before the call's
     * solde deadline. The solde asked is the rest of the granted amount.
     *
     * @throws BusinessRuleException with every broken rule; nothing changes then
     */
    public FiledFunding fileSolde(String accountLogin, String requestNumber, String draftToken, LocalDateTime now) {
        FundingRequest request = accessibleRequest(accountLogin, requestNumber)
                .orElseThrow(() -> new BusinessRuleException("numeroDemande", REQUEST_UNKNOWN));
        Errors errors = new Errors();
        if (!request.getStatus().canMoveTo(FundingStatus.SOLDE_DEPOSE)) {
            errors.add("solde", "La demande de solde n'est possible qu'une fois l'avance payée : la demande "
                    + request.getRequestNumber() + " est « " + request.getStatus().label() + " ».");
        }
        errors.attempt(() -> {
            FundingChecks.requireOpenForSoldes(request.getCall(), now);
            return null;
        });
        Map<DocumentKind, Document> uploaded = draftToken == null ? Map.of() : documents.drafts(draftToken);
        List<DocumentKind> required = new ArrayList<>(soldeDocuments(request.getCall().getSoldeDocument()));
        for (DocumentKind kind : required) {
            requirePdf(kind, uploaded, errors);
        }
        errors.throwIfAny();
        String actor = Account.normalise(accountLogin);
        request.moveTo(FundingStatus.SOLDE_DEPOSE, actor, null, now);
        for (DocumentKind kind : required) {
            uploaded.get(kind).attachToFundingRequest(request.getId());
        }
        em.flush();
        account(accountLogin).ifPresent(a -> acknowledgeSolde(a, request));
        return new FiledFunding(request.getId(), request.getRequestNumber(), request.getStatus().label(), null);
    }

    /** The documents a solde needs for a call: the invoice, then the VA or MOM if the call requires one. */
    public static List<DocumentKind> soldeDocuments(SoldeDocument required) {
        return switch (required) {
            case VA -> List.of(DocumentKind.FACTURE, DocumentKind.VERIFICATION_APTITUDE);
            case MOM -> List.of(DocumentKind.FACTURE, DocumentKind.MISE_EN_ORDRE_DE_MARCHE);
            case AUCUN -> List.of(DocumentKind.FACTURE);
        };
    }

    /**
     * The one access rule of funding: an enrolment the account may file for is one of the companies
     * granted to the account. Every filing path and every read of the supplier's space goes through it.
     */
    public Optional<EnrolmentRequest> accessibleEnrolment(String accountLogin, Long enrolmentRequestId) {
        if (enrolmentRequestId == null) {
            return Optional.empty();
        }
        Optional<Account> account = account(accountLogin);
        EnrolmentRequest enrolment = em.find(EnrolmentRequest.class, enrolmentRequestId);
        // The space's least-privilege rule (SupplierAccess): the account filed the enrolment, is named in it,
        // or its legal representative shared it; and the company is one of the account's.
        if (account.isEmpty() || enrolment == null || !account.get().isEnabled()
                || !account.get().getCompanies().contains(enrolment.company().siret())
                || !supplierAccess.canSee(accountLogin, enrolmentRequestId)) {
            return Optional.empty();
        }
        return Optional.of(enrolment);
    }

    /** A funding request, if it was filed under an enrolment the account may reach (see {@link #accessibleEnrolment}). */
    public Optional<FundingRequest> accessibleRequest(String accountLogin, String requestNumber) {
        if (requestNumber == null || requestNumber.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select r from FundingRequest r where r.requestNumber = :n", FundingRequest.class)
                .setParameter("n", requestNumber.strip()).getResultStream().findFirst()
                .filter(r -> accessibleEnrolment(accountLogin, r.getEnrolmentRequestId()).isPresent());
    }

    private Evaluation evaluate(String accountLogin, FundingRequestForm form, String draftToken, LocalDateTime now) {
        Evaluation e = new Evaluation();
        Errors errors = e.errors;
        e.account = account(accountLogin).orElse(null);
        // The call and its window.
        if (form.callCode() == null || form.callCode().isBlank()) {
            errors.add(FundingChecks.CALL, "Choisissez l'appel à financement.");
        } else {
            e.call = call(form.callCode()).orElse(null);
            if (e.call == null) {
                errors.add(FundingChecks.CALL, "L'appel à financement « " + form.callCode().strip() + " » n'existe pas.");
            } else {
                errors.attempt(() -> {
                    FundingChecks.requireOpenForAvances(e.call, now);
                    return null;
                });
            }
        }
        // The enrolment: the caller's, validated, its software funded by the call.
        e.enrolment = accessibleEnrolment(accountLogin, form.enrolmentRequestId()).orElse(null);
        if (e.enrolment == null) {
            errors.add(FundingChecks.ENROLMENT, form.enrolmentRequestId() == null
                    ? "Choisissez l'enrôlement (logiciel et société) au titre duquel vous demandez le financement."
                    : ENROLMENT_UNKNOWN);
        } else if (e.enrolment.getStatus() != RequestStatus.VALIDEE) {
            errors.add(FundingChecks.ENROLMENT, "Seul un enrôlement validé ouvre droit au financement : l'enrôlement "
                    + e.enrolment.getRequestNumber() + " est « " + e.enrolment.getStatus().label() + " ».");
            e.enrolment = null;
        } else if (e.call != null && !e.call.funds(dsrOf(e.enrolment))) {
            errors.add(FundingChecks.ENROLMENT, "Le logiciel « " + e.enrolment.software().name()
                    + " » est référencé pour le dossier de spécifications « " + dsrOf(e.enrolment)
                    + " », que l'appel " + e.call.getCode() + " ne finance pas (il finance "
                    + String.join(", ", e.call.dsrLabels()) + ").");
        }
        if (e.call != null) {
            client(e, form);
            // The ceiling: the call's flat ceiling, or the tranche chosen in its table.
            String tranche = e.call.hasCeilingTable() && form.ceilingTranche() != null
                    ? form.ceilingTranche().strip() : null;
            Optional<Amount> ceiling = errors.attempt(() -> {
                try {
                    return e.call.ceilingFor(tranche);
                } catch (InvalidValueException x) {
                    throw new InvalidValueException(FundingChecks.TRANCHE, x.getMessage());
                }
            });
            if (ceiling.isPresent() && e.call.hasCeilingTable()) {
                e.tranche = e.call.getCeilingTranches().stream().map(t -> t.getTranche())
                        .filter(t -> t.equalsIgnoreCase(tranche)).findFirst().orElse(tranche);
            }
            e.signedOn = errors.attempt(() -> {
                LocalDate signedOn = FundingChecks.orderSignedOn(form.orderSignedOn());
                FundingChecks.requireSignedInWindow(e.call, signedOn, now.toLocalDate());
                return signedOn;
            }).orElse(null);
            Optional<Amount> order = errors.attempt(
                    () -> Amount.parse(FundingChecks.AMOUNT, "montant HT du bon de commande", form.orderAmountHt()));
            if (ceiling.isPresent() && order.isPresent()) {
                e.amounts = FundingAmounts.compute(order.get(), ceiling.get(), e.call.getAvanceRate());
            }
        } else {
            errors.attempt(() -> FundingChecks.orderSignedOn(form.orderSignedOn()));
            errors.attempt(() -> Amount.parse(FundingChecks.AMOUNT, "montant HT du bon de commande",
                    form.orderAmountHt()));
        }
        if (draftToken != null) {
            requirePdf(DocumentKind.BON_DE_COMMANDE, documents.drafts(draftToken), errors);
        }
        return e;
    }

    /** The client: identifier's format, referential, name, and who already holds it for the call. */
    private void client(Evaluation e, FundingRequestForm form) {
        Errors errors = e.errors;
        ClientKind kind = e.call.getClientKind();
        Optional<String> identifier = errors.attempt(() -> FundingChecks.clientIdentifier(kind, form.clientIdentifier()));
        if (identifier.isEmpty()) {
            errors.attempt(() -> FundingChecks.clientName(form.clientName()));
            return;
        }
        Optional<FundingClient> known = errors.attempt(() -> referentialClient(kind, identifier.get()).orElse(null));
        if (known.isPresent()) {
            e.client = known.get();
        } else if (errors.list.stream().noneMatch(f -> f.field().equals(FundingChecks.CLIENT_IDENTIFIER))) {
            errors.attempt(() -> FundingChecks.clientName(form.clientName()))
                    .ifPresent(name -> e.client = new FundingClient(kind, identifier.get(), name, false));
        }
        e.claim = em.find(FundingClientClaim.class, new FundingClientClaim.Key(e.call.getId(), identifier.get()));
        if (e.claim == null) {
            return;
        }
        FundingRequest holder = em.find(FundingRequest.class, e.claim.getFundingRequestId());
        if (holder == null || holder.getStatus() == FundingStatus.AVANCE_REJETEE) {
            return; // a claim left by a rejected request frees the client
        }
        if (holder.getStatus().avanceAccepted()) {
            errors.add(FundingChecks.CLIENT_IDENTIFIER, ALREADY_FUNDED);
        } else if (e.enrolment != null && holder.getSupplierSiret().equals(e.enrolment.company().siret())) {
            errors.add(FundingChecks.CLIENT_IDENTIFIER, "Votre société a déjà déposé la demande "
                    + holder.getRequestNumber() + " pour ce client au titre de cet appel : elle est en cours d'instruction.");
        } else {
            e.holder = holder;
        }
    }

    private Optional<FundingClient> referentialClient(ClientKind kind, String identifier) {
        return switch (kind) {
            case FINESS -> {
                Optional<FinessEstablishmentView> found = clients.finess(new Finess(identifier));
                if (found.isPresent() && found.get().closed()) {
                    throw new BusinessRuleException(FundingChecks.CLIENT_IDENTIFIER,
                            "Cet établissement est fermé d'après le répertoire FINESS : il ne peut pas être financé.");
                }
                yield found.map(f -> new FundingClient(kind, identifier, f.name(), true));
            }
            case RPPS -> {
                Optional<RppsProfessionalView> found = clients.rpps(new Rpps(identifier));
                yield found.map(p -> new FundingClient(kind, identifier,
                        (p.firstName() == null ? "" : p.firstName() + " ") + p.lastName(), true));
            }
            case SIRET -> {
                Optional<ReferentialService.Company> found = referentials.establishment(identifier);
                if (found.isPresent() && found.get().establishment().isClosed()) {
                    throw new BusinessRuleException(FundingChecks.CLIENT_IDENTIFIER,
                            "Cet établissement est fermé d'après le répertoire SIRENE : il ne peut pas être financé.");
                }
                yield found.map(c -> new FundingClient(kind, identifier, c.legalName(), true));
            }
        };
    }

    private static void requirePdf(DocumentKind kind, Map<DocumentKind, Document> uploaded, Errors errors) {
        Document d = uploaded.get(kind);
        if (d == null) {
            errors.add(kind.name(), kind == DocumentKind.BON_DE_COMMANDE ? ORDER_FORM_MISSING
                    : "Joignez le document « " + kind.label() + " » (PDF).");
        } else if (!PDF.equals(d.getMediaType())) {
            errors.add(kind.name(), String.format(NOT_PDF, kind.label()));
        }
    }

    /**
     * The DSR code (e.g. DSR-RAD-RIS-Va1) the enrolment's software is referenced against: the ANS
     * referential's, since the wizard stores the DSR's display label; the enrolment's own otherwise.
     */
    public String dsrOf(EnrolmentRequest enrolment) {
        return SoftwareDsr.of(em, enrolment);
    }

    /** A call by its code (FundingCalls' own look-up is not a business method). */
    public Optional<FundingCall> call(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select c from FundingCall c where c.code = :code", FundingCall.class)
                .setParameter("code", code.strip()).getResultStream().findFirst();
    }

    private Optional<Account> account(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", Account.normalise(login)).getResultStream().findFirst();
    }

    private void acknowledge(Account account, FundingRequest request, boolean conflict) {
        Map<String, Object> model = model(request);
        model.put("conflict", conflict);
        outbox.enqueue(account.getEmail(), "Portail SEGUR Numérique - Accusé de réception de votre demande de financement "
                + request.getRequestNumber(), "financement-accuse-reception", model);
    }

    private void acknowledgeSolde(Account account, FundingRequest request) {
        outbox.enqueue(account.getEmail(), "Portail SEGUR Numérique - Accusé de réception de votre demande de solde "
                + request.getRequestNumber(), "financement-solde-accuse-reception", model(request));
    }

    private static Map<String, Object> model(FundingRequest request) {
        FundingAmounts a = request.amounts();
        Map<String, Object> model = new HashMap<>();
        model.put("number", request.getRequestNumber());
        model.put("callCode", request.getCall().getCode());
        model.put("callLabel", request.getCall().getLabel());
        model.put("clientKind", request.client().kind().identifierLabel());
        model.put("clientIdentifier", request.client().identifier());
        model.put("clientName", request.client().name());
        model.put("clientUnknown", !request.client().known());
        model.put("orderHt", a.orderHt().formatted());
        model.put("grantedHt", a.grantedHt().formatted());
        model.put("grantedTtc", a.grantedTtc().formatted());
        model.put("avanceHt", a.avanceHt().formatted());
        model.put("avanceTtc", a.avanceTtc().formatted());
        model.put("soldeHt", a.soldeHt().formatted());
        model.put("soldeTtc", a.soldeTtc().formatted());
        model.put("capped", a.capped());
        model.put("soldeDeadline", FundingChecks.MINUTE.format(request.getCall().getSoldeDeadline()));
        model.put("link", AccountService.PUBLIC_URL + "/espace/demande-financement.xhtml?numero="
                + request.getRequestNumber());
        return model;
    }


    /** What the evaluation of a form found: the entities it read and every broken rule. */
    private static final class Evaluation {
        final Errors errors = new Errors();
        Account account;
        FundingCall call;
        EnrolmentRequest enrolment;
        FundingClient client;
        String tranche;
        LocalDate signedOn;
        FundingAmounts amounts;
        FundingClientClaim claim;
        FundingRequest holder;

        void throwIfAny() {
            errors.throwIfAny();
            if (account == null || client == null || amounts == null || signedOn == null) {
                throw new IllegalStateException("A form without errors must yield a complete request");
            }
        }

        FundingQuote quote() {
            return FundingQuote.of(call.getCode(), call.getLabel(), call.getAvanceRate().movePointRight(2).stripTrailingZeros().toPlainString()
                    + " %", client, tranche, amounts, holder == null ? null : holder.getRequestNumber());
        }
    }

    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        <T> Optional<T> attempt(Supplier<T> rule) {
            try {
                return Optional.ofNullable(rule.get());
            } catch (InvalidValueException e) {
                add(e.field(), e.getMessage());
            } catch (BusinessRuleException e) {
                list.addAll(e.errors());
            }
            return Optional.empty();
        }

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new BusinessRuleException(list);
            }
        }
    }
}
