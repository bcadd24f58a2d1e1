package fr.asp.segur.application.deposit;

import fr.asp.segur.application.UniqueViolations;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.document.Antivirus;
import fr.asp.segur.application.document.DocumentInspector;
import fr.asp.segur.application.document.DocumentRejectedException;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.funding.FiledFunding;
import fr.asp.segur.application.funding.FundingChecks;
import fr.asp.segur.application.funding.FundingRequestForm;
import fr.asp.segur.application.funding.FundingRules;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.RequestStatus;
import fr.asp.segur.domain.funding.FundingDeposit;
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
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk deposits, for the upload page and the REST API alike: the simulator and the real deposit.
 * Neither holds a filing rule: each line is judged by {@link FundingRules#check} and filed by
 * {@link FundingRules#fileWithinDeposit}, exactly as the one-by-one form is; what is here is the
 * file's own business (its schema, its header, a client twice in the same file, the order form's
 * base64) and the deposit's: all-or-nothing, idempotent, one acknowledgement.
 * <p>
 * Callers authenticate first (the space's caller, or an API token: see {@link DepositApi}) and pass
 * the account; nothing here widens what the account reaches (the rules check the enrolment).
 */
@Stateless
@PermitAll
public class Deposits {

    /** Lines judged between two clears of the persistence context: keeps a 20,000-line deposit's memory flat. */
    static final int CHUNK = 250;
    static final String ACTION_DEPOSIT = "DEPOT_FINANCEMENT";
    static final String ENROLMENT_NOT_FOUND = "Aucun enrôlement validé ne correspond à ce logiciel (numéro de "
            + "référencement %s) et à cette société (SIRET %s).";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The rules' field names, as this format names them. */
    private static final Map<String, String> LINE_FIELDS = Map.of(
            FundingChecks.CLIENT_IDENTIFIER, "identifiant",
            FundingChecks.CLIENT_NAME, "nom",
            FundingChecks.TRANCHE, "tranche",
            FundingChecks.SIGNED_ON, "dateSignatureBonDeCommande",
            FundingChecks.AMOUNT, "montantHt",
            DocumentKind.BON_DE_COMMANDE.name(), "bonDeCommande");

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private FundingRules rules;
    @EJB
    private DocumentService documents;
    @EJB
    private MailOutbox outbox;
    @EJB
    private AuditTrail audit;
    @EJB
    private PortalClock clock;
    @Resource
    private SessionContext context;

    /**
     * The simulator: every error of the file, nothing stored (its transaction is always rolled back,
     * so that even a rule that wrote by mistake would leave no trace).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DepositReport simulate(Account account, byte[] content) {
        try {
            return analyse(account, content, true).report();
        } finally {
            context.setRollbackOnly();
        }
    }

    /**
     * The real deposit: refused as a whole with every error (as {@link #simulate} reports them), or
     * every line filed in one transaction. The same file a second time answers the first deposit.
     *
     * @throws DepositRefusedException with the errors; nothing is stored then
     * @throws ApiAccessException when the enrolment named is another company's
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DepositOutcome deposit(Account account, byte[] content, FundingDeposit.Channel channel) {
        Deposits self = context.getBusinessObject(Deposits.class);
        try {
            return self.depositInNewTransaction(account, content, channel);
        } catch (EJBException e) {
            if (!UniqueViolations.isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent post of the same file, or a client claimed meanwhile by another supplier:
            // the second attempt sees the stored deposit (answered as is) or the claim (judged by the rules).
            return self.depositInNewTransaction(account, content, channel);
        }
    }

    /** One attempt of {@link #deposit}; call {@link #deposit} instead. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DepositOutcome depositInNewTransaction(Account account, byte[] content, FundingDeposit.Channel channel) {
        Analysis analysis = analyse(account, content, false);
        if (analysis.existing != null) {
            FundingDeposit d = analysis.existing;
            return new DepositOutcome(d.getId(), false, d.getCallCode(), em.createQuery(
                            "select r.requestNumber from FundingRequest r where r.depositId = :d order by r.id", String.class)
                    .setParameter("d", d.getId()).getResultList());
        }
        if (!analysis.errors.isEmpty()) {
            throw new DepositRefusedException(analysis.report(), analysis.malformed);
        }
        DepositDocument file = analysis.file;
        LocalDateTime now = analysis.now;
        FundingDeposit deposit = new FundingDeposit(analysis.enrolment.company().siret(), analysis.enrolment.getId(),
                file.callCode(), account.getLogin(), channel, file.contentHash(), file.lineCount(), now);
        em.persist(deposit);
        em.flush();
        long depositId = deposit.getId();
        List<String> numbers = new ArrayList<>(file.lineCount());
        int done = 0;
        for (DepositLine line : file.lines()) {
            String draft = draftToken();
            try {
                documents.stage(draft, DocumentKind.BON_DE_COMMANDE, line.orderFileName(),
                        new ByteArrayInputStream(Base64.getDecoder().decode(line.orderPdfBase64())));
                FiledFunding filed = rules.fileWithinDeposit(account.getLogin(), analysis.form(line), draft,
                        depositId, now);
                numbers.add(filed.requestNumber());
            } catch (BusinessRuleException refused) {
                List<DepositError> errors = new ArrayList<>();
                analysis.addLineErrors(line, refused.errors(), errors);
                throw new DepositRefusedException(new DepositReport(file.callCode(), file.lineCount(), errors), false);
            }
            if (++done % CHUNK == 0) {
                em.flush();
                em.clear();
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("callCode", file.callCode());
        model.put("count", numbers.size());
        model.put("first", numbers.get(0));
        model.put("last", numbers.get(numbers.size() - 1));
        model.put("depositId", depositId);
        model.put("link", fr.asp.segur.application.account.AccountService.PUBLIC_URL + "/espace/index.xhtml");
        outbox.enqueue(account.getEmail(), "Portail SEGUR Numérique - Accusé de réception de votre dépôt de "
                + numbers.size() + " demandes de financement", "financement-depot-accuse-reception", model);
        audit.record(account.getLogin(), ACTION_DEPOSIT, numbers.get(0), "dépôt " + depositId + " (" + channel
                + ") : " + numbers.size() + " demandes, appel " + file.callCode());
        return new DepositOutcome(depositId, true, file.callCode(), List.copyOf(numbers));
    }

    private Analysis analyse(Account account, byte[] content, boolean inspectOrderForms) {
        Analysis a = new Analysis();
        a.account = account;
        a.now = clock.now();
        a.file = DepositFormat.read(content);
        a.errors.addAll(a.file.errors());
        a.malformed = !a.file.errors().isEmpty();
        if (!a.file.readable()) {
            return a;
        }
        a.resolveEnrolment();
        if (a.enrolment != null && !account.getCompanies().contains(a.enrolment.company().siret())) {
            throw new ApiAccessException(ApiAccessException.Reason.FOREIGN_COMPANY,
                    "Cet enrôlement appartient à une société à laquelle votre compte n'a pas accès.");
        }
        if (!a.malformed && a.enrolment != null) {
            a.existing = em.createQuery("select d from FundingDeposit d where d.supplierSiret = :s and d.contentHash = :h",
                            FundingDeposit.class)
                    .setParameter("s", a.enrolment.company().siret()).setParameter("h", a.file.contentHash())
                    .getResultStream().findFirst().orElse(null);
            if (a.existing != null) {
                return a;
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        Set<String> headerErrors = new LinkedHashSet<>();
        int judged = 0;
        for (DepositLine line : a.file.lines()) {
            List<FieldError> refused = new ArrayList<>(rules.check(account.getLogin(), a.form(line), a.now));
            List<FieldError> forHeader = refused.stream()
                    .filter(f -> f.field().equals(FundingChecks.CALL) || f.field().equals(FundingChecks.ENROLMENT)).toList();
            refused.removeAll(forHeader);
            for (FieldError f : forHeader) {
                if (headerErrors.add(f.field() + "\u0000" + f.message())) {
                    a.addHeaderError(f);
                }
            }
            a.addLineErrors(line, refused, a.errors);
            String client = line.clientIdentifier() == null ? null
                    : line.clientIdentifier().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (client != null && !client.isEmpty()) {
                Integer first = seen.putIfAbsent(client, line.index());
                if (first != null) {
                    a.add(line.path() + ".identifiant", "fichier:doublon", "Ce client figure déjà à la ligne $.lignes["
                            + first + "] du fichier : un même client n'est financé qu'une fois par appel.");
                }
            }
            if (inspectOrderForms) {
                a.inspectOrderForm(line);
            }
            if (++judged % CHUNK == 0) {
                em.clear();
            }
        }
        a.errors.sort((x, y) -> x.line() != y.line() ? Integer.compare(x.line(), y.line())
                : Integer.compare(x.column(), y.column()));
        return a;
    }

    /** One reading of one file against the rules. */
    private final class Analysis {
        Account account;
        LocalDateTime now;
        DepositDocument file;
        EnrolmentRequest enrolment;
        Long enrolmentId;
        String enrolmentPath = "$.enrolement";
        FundingDeposit existing;
        boolean malformed;
        final List<DepositError> errors = new ArrayList<>();

        void resolveEnrolment() {
            if (file.enrolmentNumber() != null) {
                enrolment = em.createQuery("select r from EnrolmentRequest r where r.requestNumber = :n",
                        EnrolmentRequest.class).setParameter("n", file.enrolmentNumber())
                        .getResultStream().findFirst().orElse(null);
                // An unknown number is handed to the rules as an id no enrolment has: their one message says it.
                enrolmentId = enrolment == null ? 0L : enrolment.getId();
            } else if (file.referencingNumber() != null && file.siret() != null) {
                enrolmentPath = "$.referencement";
                enrolment = em.createQuery("select r from EnrolmentRequest r where r.referencingNumber = :n "
                                + "and r.siret = :s order by case when r.status = :validated then 0 else 1 end, r.id desc",
                        EnrolmentRequest.class).setParameter("n", file.referencingNumber().strip())
                        .setParameter("s", file.siret()).setParameter("validated", RequestStatus.VALIDEE)
                        .setMaxResults(1).getResultStream().findFirst().orElse(null);
                if (enrolment == null) {
                    add(enrolmentPath, "fichier:referencement",
                            String.format(ENROLMENT_NOT_FOUND, file.referencingNumber(), file.siret()));
                }
                enrolmentId = enrolment == null ? 0L : enrolment.getId();
            }
        }

        FundingRequestForm form(DepositLine line) {
            return new FundingRequestForm(file.callCode(), enrolmentId, line.clientIdentifier(), line.clientName(),
                    line.ceilingTranche(), typedDate(line.orderSignedOn()), line.orderAmountHt());
        }

        void addHeaderError(FieldError f) {
            if (f.field().equals(FundingChecks.CALL)) {
                add("$.appel", "regle:" + f.field(), f.message());
            } else if (!(enrolmentPath.equals("$.referencement") && enrolment == null)) {
                add(enrolmentPath, "regle:" + f.field(), f.message());
            }
        }

        void addLineErrors(DepositLine line, List<FieldError> refused, List<DepositError> into) {
            for (FieldError f : refused) {
                String field = LINE_FIELDS.get(f.field());
                if (field == null && (f.field().equals(FundingChecks.CALL) || f.field().equals(FundingChecks.ENROLMENT))) {
                    into.add(at(f.field().equals(FundingChecks.CALL) ? "$.appel" : enrolmentPath, "regle:" + f.field(),
                            f.message()));
                    continue;
                }
                into.add(at(field == null ? line.path() : line.path() + "." + field, "regle:" + f.field(), f.message()));
            }
        }

        void inspectOrderForm(DepositLine line) {
            byte[] pdf;
            try {
                pdf = Base64.getDecoder().decode(line.orderPdfBase64());
            } catch (IllegalArgumentException e) {
                add(line.path() + ".bonDeCommande.contenuBase64", "fichier:base64",
                        "Le contenu du bon de commande n'est pas du base64 valide.");
                return;
            }
            try {
                // The same inspection as every upload, antivirus included (its settings read at each use).
                new DocumentInspector(Antivirus.fromSystemProperties()).inspect(line.orderFileName(),
                        new ByteArrayInputStream(pdf));
            } catch (DocumentRejectedException e) {
                add(line.path() + ".bonDeCommande", "regle:" + DocumentKind.BON_DE_COMMANDE.name(), e.getMessage());
            }
        }

        void add(String path, String rule, String message) {
            errors.add(at(path, rule, message));
        }

        DepositError at(String path, String rule, String message) {
            int[] where = DepositFormat.position(file, path);
            return new DepositError(path, where[0], where[1], rule, message);
        }

        DepositReport report() {
            return new DepositReport(file.callCode(), file.lineCount(), List.copyOf(errors));
        }
    }

    /** The format's ISO date as the rules read a typed one (dd/MM/yyyy); anything else is left for them to refuse. */
    static String typedDate(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return TYPED.format(LocalDate.parse(iso, ISO));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String draftToken() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }


    Optional<FundingDeposit> find(long id) {
        return Optional.ofNullable(em.find(FundingDeposit.class, id));
    }
}
