package fr.asp.segur.application.enrolment;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.ratelimit.RateLimit;
import fr.asp.segur.application.ratelimit.RateLimiter;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.mail.MailOutbox;
import fr.asp.segur.application.model.RequestReceipt;
import fr.asp.segur.application.referential.ReferentialService;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.EnrolmentRequest;
import fr.asp.segur.domain.enrolment.PersonRole;
import fr.asp.segur.domain.enrolment.RequestPerson;
import fr.asp.segur.domain.model.Bic;
import fr.asp.segur.domain.model.EmailAddress;
import fr.asp.segur.domain.model.Denominations;
import fr.asp.segur.domain.model.Iban;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.PhoneNumber;
import fr.asp.segur.domain.model.RequestNumber;
import fr.asp.segur.domain.model.Siret;
import fr.asp.segur.domain.referential.AnsSolution;
import fr.asp.segur.domain.referential.BankInstitution;
import fr.asp.segur.domain.referential.SireneEstablishment;
import fr.asp.segur.domain.referential.StreetTypes;
import fr.asp.segur.application.ops.PortalMetrics;
import jakarta.inject.Inject;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The enrolment rules, enforced once, here. The wizard calls the step checks to move on; {@link #submit}
 * runs all of them again (a page's own checks can be bypassed), then stores the request, its people,
 * its documents and its acknowledgement email in one transaction.
 */
@Stateless
@PermitAll
public class EnrolmentService {

    /** The actor of a submission in the request's history: the supplier has no account yet. */
    static final String SUPPLIER = "fournisseur";
    static final int MAX_TEXT = 255;
    static final int MAX_NAME = 100;
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    @Inject
    private PortalMetrics metrics;
    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private ReferentialService referentials;
    @EJB
    private DocumentService documents;
    @EJB
    private CaptchaService captcha;
    @EJB
    private RateLimiter rateLimiter;
    @EJB
    private MailOutbox outbox;

    // ---- 1 - Logiciel ----------------------------------------------------------------------------

    public SoftwareSummary findSoftware(String referencingNumber) {
        rateLimiter.hit(RateLimit.ANS_LOOKUP, null, "referencingNumber");
        return summary(referentials.referencedSolution(referencingNumber));
    }

    public void checkSoftwareStep(EnrolmentForm form, String draftToken) {
        Errors errors = new Errors();
        softwareStep(form, documents.drafts(draftToken), errors);
        errors.throwIfAny();
    }

    // ---- 2 - Demandeur ---------------------------------------------------------------------------

    /**
     * "Rechercher" next to the SIRET: the SIRET's own rules first (a typo does not spend the captcha),
     * then the captcha, then SIRENE.
     */
    public ApplicantCompany findCompany(String rawSiret, String referencingNumber, String captchaId,
                                        String captchaAnswer) {
        rateLimiter.hit(RateLimit.SIRET_LOOKUP, null, "siret");
        Siret siret;
        try {
            siret = Siret.of(rawSiret);
        } catch (InvalidValueException e) {
            throw BusinessRuleException.of(e);
        }
        captcha.check("captcha", captchaId, captchaAnswer);
        return company(siret, referentials.referencedSolution(referencingNumber));
    }

    public Set<DocumentKind> requiredDocuments(EnrolmentForm form) {
        Errors ignored = new Errors();
        Optional<AnsSolution> solution = ignored.attempt(() -> referentials.referencedSolution(form.getReferencingNumber()));
        Optional<ApplicantCompany> company = solution.flatMap(s -> ignored.attempt(
                () -> company(Siret.of(form.getSiret()), s)));
        return required(form, company);
    }

    public void checkApplicantStep(EnrolmentForm form, String draftToken) {
        Errors errors = new Errors();
        Map<DocumentKind, Document> uploaded = documents.drafts(draftToken);
        Optional<AnsSolution> solution = errors.attempt(() -> referentials.referencedSolution(form.getReferencingNumber()));
        applicantStep(form, solution, uploaded, errors);
        errors.throwIfAny();
    }

    // ---- 3 - Coordonnées bancaires --------------------------------------------------------------------

    /** The "Domiciliation" for an IBAN and a BIC, when the bank referential knows the bank. */
    public Optional<String> domiciliation(String rawIban, String rawBic) {
        Errors ignored = new Errors();
        Optional<Iban> iban = ignored.attempt(() -> Iban.of(rawIban));
        Optional<Bic> bic = ignored.attempt(() -> Bic.of(rawBic));
        if (iban.isEmpty() && bic.isEmpty()) {
            return Optional.empty();
        }
        return referentials.bank(bic.orElse(null), iban.orElse(null)).map(BankInstitution::getName);
    }

    public void checkBankStep(EnrolmentForm form, String draftToken) {
        Errors errors = new Errors();
        bankStep(form, documents.drafts(draftToken), errors);
        errors.throwIfAny();
    }

    // ---- 4 - Confirmation -------------------------------------------------------------------------

    /**
     * "Terminer": checks the captcha and every rule of every step, then stores everything at once.
     * Any broken rule throws {@link BusinessRuleException} and rolls the whole transaction back.
     */
    public RequestNumber submit(EnrolmentForm form, String draftToken) {
        captcha.check("captcha", form.getCaptchaId(), form.getCaptchaAnswer());
        Errors errors = new Errors();
        Map<DocumentKind, Document> uploaded = documents.drafts(draftToken);
        Optional<AnsSolution> solution = softwareStep(form, uploaded, errors);
        Optional<Applicant> applicant = applicantStep(form, solution, uploaded, errors);
        Optional<EnrolmentRequest.BankAccount> bank = bankStep(form, uploaded, errors);
        if (!form.isCguAccepted()) {
            errors.add("cguAccepted", "Vous devez lire et accepter les CGU.");
        }
        if (!form.isPenalCodeAcknowledged()) {
            errors.add("penalCodeAcknowledged",
                    "Vous devez reconnaître être informé(e) des dispositions de l'article 441-7 du code pénal.");
        }
        if (!form.isSincerityCertified()) {
            errors.add("sincerityCertified",
                    "Vous devez certifier que l'ensemble des éléments saisis sont sincères et véritables.");
        }
        errors.throwIfAny();

        long sequence = ((Number) em.createNativeQuery("select nextval('enrolment_number_seq')").getSingleResult())
                .longValue();
        RequestNumber number = RequestNumber.fromSequence(sequence);
        Applicant a = applicant.orElseThrow();
        AnsSolution s = solution.orElseThrow();
        EnrolmentRequest request = new EnrolmentRequest(number.value(),
                new EnrolmentRequest.Software(s.getReferencingNumber(), s.getSoftwareName(), s.getSoftwareVersion(),
                        s.dsrLabel()),
                a.company(), bank.orElseThrow(), a.isRepresentative(), form.getTiersQuality(), LocalDateTime.now());
        for (Person p : a.people()) {
            request.addPerson(p.role(), p.lastName(), p.firstName(), p.email(), p.phone());
        }
        if (!a.view().verified()) {
            request.markSiretUnverified();
        }
        request.recordSubmission(SUPPLIER);
        em.persist(request);
        Set<DocumentKind> required = required(form, Optional.of(a.view()));
        for (Map.Entry<DocumentKind, Document> e : uploaded.entrySet()) {
            if (required.contains(e.getKey())) {
                request.attach(e.getValue());
            }
        }
        documents.discardDraft(draftToken);
        acknowledge(request);
        metrics.requestSubmitted();
        return number;
    }

    /** The acknowledgement email to each person named in the request, with the PDF récapitulatif attached. */
    private void acknowledge(EnrolmentRequest request) {
        List<MailOutbox.Attachment> receipt = List.of(new MailOutbox.Attachment(
                RequestReceipt.fileName(request.getRequestNumber()), "application/pdf",
                new RequestReceipt().pdf(request)));
        Set<String> recipients = new LinkedHashSet<>();
        for (RequestPerson person : request.getPeople()) {
            if (recipients.add(person.getEmail().toLowerCase())) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("person", person);
                model.put("request", request);
                model.put("software", request.software());
                model.put("company", request.company());
                model.put("submittedAt", FRENCH_DATE_TIME.format(request.getSubmittedAt()));
                model.put("documents", request.getDocuments().stream()
                        .map(d -> Map.of("label", d.getKind().label(), "name", d.getFileName())).toList());
                model.put("tiers", !request.isFilerIsRepresentative());
                outbox.enqueue(person.getEmail(),
                        "Portail SEGUR Numérique - Accusé de réception de votre demande d'enrôlement "
                                + request.getRequestNumber(),
                        "accuse-reception", model, receipt);
            }
        }
    }

    // ---- the rules of each step ------------------------------------------------------------------

    private Optional<AnsSolution> softwareStep(EnrolmentForm form, Map<DocumentKind, Document> uploaded,
                                               Errors errors) {
        Optional<AnsSolution> solution = errors.attempt(() -> referentials.referencedSolution(form.getReferencingNumber()));
        requireDocument(DocumentKind.CERTIFICAT_REFERENCEMENT, uploaded, errors);
        return solution;
    }

    private Optional<Applicant> applicantStep(EnrolmentForm form, Optional<AnsSolution> solution,
                                              Map<DocumentKind, Document> uploaded, Errors errors) {
        Optional<ApplicantCompany> company = errors.attempt(() -> Siret.of(form.getSiret()))
                .flatMap(siret -> solution.flatMap(s -> errors.attempt(() -> company(siret, s))));
        String denomination = text(form.getDenomination(), "denomination", "La dénomination sociale", true, MAX_TEXT, errors);
        String commercialName = text(form.getCommercialName(), "commercialName", "Le nom commercial", true, MAX_TEXT, errors);
        String recipient = text(form.getRecipientIdentity(), "recipientIdentity", "L'identité du destinataire / service", false, MAX_TEXT, errors);
        String entrance = text(form.getEntrance(), "entrance", "L'entrée / bât / immeuble", false, MAX_TEXT, errors);
        String extension = text(form.getStreetExtension(), "streetExtension", "L'extension", false, 16, errors);
        String complement = text(form.getAddressComplement(), "addressComplement", "Le complément d'adresse", false, MAX_TEXT, errors);

        List<Person> people = new ArrayList<>();
        person(PersonRole.REPRESENTANT, "representative", form.getRepresentativeLastName(),
                form.getRepresentativeFirstName(), form.getRepresentativeEmail(),
                form.getRepresentativeEmailConfirmation(), form.getRepresentativePhone(), errors).ifPresent(people::add);
        if (form.getLegalRepresentative() == null) {
            errors.add("legalRepresentative", "Indiquez si vous êtes le représentant légal du fournisseur.");
        } else if (!form.getLegalRepresentative()) {
            person(PersonRole.DEPOSITAIRE, "depositaire", form.getDepositaireLastName(),
                    form.getDepositaireFirstName(), form.getDepositaireEmail(),
                    form.getDepositaireEmailConfirmation(), form.getDepositairePhone(), errors).ifPresent(people::add);
            if (form.getTiersQuality() == null) {
                errors.add("tiersQuality", "Merci de préciser votre qualité en tant que tiers déclarant.");
            }
        }
        for (DocumentKind kind : required(form, company)) {
            if (kind != DocumentKind.CERTIFICAT_REFERENCEMENT && kind != DocumentKind.RIB) {
                requireDocument(kind, uploaded, errors);
            }
        }
        Optional<EnrolmentRequest.PostalAddress> typed = company.filter(c -> !c.verified())
                .flatMap(c -> typedAddress(form, recipient, entrance, extension, complement, errors));
        if (company.isEmpty() || errors.any()) {
            return Optional.empty();
        }
        ApplicantCompany c = company.get();
        EnrolmentRequest.PostalAddress address = typed.orElseGet(() -> new EnrolmentRequest.PostalAddress(recipient,
                entrance, c.streetNumber(), extension, c.streetType(), c.streetName(), complement, c.postalCode(),
                c.city()));
        // The same name in other case or spacing is no change: the request keeps SIRENE's spelling.
        String kept = c.verified() && Denominations.same(c.legalName(), denomination) ? c.legalName() : denomination;
        EnrolmentRequest.Company stored = new EnrolmentRequest.Company(c.siret(), kept, c.legalName(),
                commercialName, address, c.distributor(), c.editorName());
        return Optional.of(new Applicant(c, stored, form.getLegalRepresentative(), people));
    }

    private Optional<EnrolmentRequest.BankAccount> bankStep(EnrolmentForm form, Map<DocumentKind, Document> uploaded,
                                                            Errors errors) {
        Optional<EnrolmentRequest.BankAccount> account = bankDetails(form.getIban(), form.getBic(),
                form.getAccountHolder(), form.getDomiciliation(), errors);
        requireDocument(DocumentKind.RIB, uploaded, errors);
        return errors.any() ? Optional.empty() : account;
    }

    /** IBAN, BIC, their consistency, the holder, the domiciliation: step 3 without its RIB. */
    private Optional<EnrolmentRequest.BankAccount> bankDetails(String rawIban, String rawBic, String rawHolder,
                                                               String rawDomiciliation, Errors errors) {
        Optional<Iban> iban = errors.attempt(() -> Iban.of(rawIban));
        Optional<Bic> bic = errors.attempt(() -> Bic.of(rawBic));
        if (iban.isPresent() && bic.isPresent()) {
            errors.attempt(() -> {
                bic.get().checkConsistentWith(iban.get());
                return true;
            });
        }
        String holder = text(rawHolder, "accountHolder", "Le titulaire du compte", true, MAX_TEXT, errors);
        Optional<String> domiciliation = iban.isPresent() || bic.isPresent()
                ? referentials.bank(bic.orElse(null), iban.orElse(null)).map(BankInstitution::getName)
                : Optional.empty();
        String typedDomiciliation = domiciliation.isPresent() ? domiciliation.get()
                : text(rawDomiciliation, "domiciliation", "La domiciliation", true, MAX_TEXT, errors);
        if (errors.any() || iban.isEmpty() || bic.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EnrolmentRequest.BankAccount(iban.get().value(), bic.get().value(), holder,
                typedDomiciliation));
    }

    // ---- corrections asked by an agent (complements) --------------------------------------------------

    /**
     * The rules of step 3 for bank details corrected after an agent's request: the same IBAN and BIC
     * checks, their consistency, and the domiciliation from the bank referential (the typed one only
     * when the referential does not know the bank). Broken rules are returned, not thrown: the caller
     * collects them with its own, and its transaction stays usable (a thrown
     * {@link BusinessRuleException} would mark it for rollback).
     */
    public Checked<EnrolmentRequest.BankAccount> checkBankDetails(String rawIban, String rawBic, String holder,
                                                                  String rawDomiciliation) {
        Errors errors = new Errors();
        Optional<EnrolmentRequest.BankAccount> account = bankDetails(rawIban, rawBic, holder, rawDomiciliation, errors);
        return new Checked<>(errors.any() ? null : account.orElse(null), errors.list);
    }

    /**
     * The rules of step 2 for a person's contact details corrected after an agent's request: the email
     * typed twice, the phone number. Errors name the wizard's fields ({@code representativeEmail}…) and
     * are returned, not thrown (see {@link #checkBankDetails}).
     */
    public Checked<Contact> checkContact(PersonRole role, String email, String confirmation, String phone) {
        Errors errors = new Errors();
        String prefix = role == PersonRole.DEPOSITAIRE ? "depositaire" : "representative";
        Optional<EmailAddress> mail = errors.attempt(() -> EmailAddress.confirmed(prefix + "Email", email, confirmation));
        Optional<PhoneNumber> tel = errors.attempt(() -> PhoneNumber.of(prefix + "Phone", phone));
        return new Checked<>(errors.any() ? null : new Contact(mail.orElseThrow().value(), tel.orElseThrow().value()),
                errors.list);
    }

    /** A value that passed every rule, or the broken rules (then the value is null). */
    public record Checked<T>(T value, List<FieldError> errors) {
        public Checked {
            errors = List.copyOf(errors);
        }
    }

    /** Validated contact details of a person. */
    public record Contact(String email, String phone) {
    }

    /**
     * The company behind a valid SIRET: from SIRENE when the referential knows it, else an unverified
     * company (degraded mode) whose editor/distributor answer still comes from the SIRET's SIREN.
     */
    private ApplicantCompany company(Siret siret, AnsSolution solution) {
        Optional<ReferentialService.Company> known = referentials.knownCompany(siret);
        if (known.isEmpty()) {
            boolean distributor = !solution.getEditorSiren().equals(siret.siren().value());
            return ApplicantCompany.unverified(siret.value(), distributor, solution.getEditorName());
        }
        ReferentialService.Company company = known.get();
        SireneEstablishment e = company.establishment();
        String commercialName = e.commercialName() != null && !e.commercialName().isBlank()
                ? e.commercialName() : company.legalName();
        boolean distributor = !solution.getEditorSiren().equals(company.siren());
        return new ApplicantCompany(e.getSiret(), company.legalName(), commercialName, e.getStreetNumber(),
                e.getRepetitionIndex(), e.getStreetType(), e.getStreetName(), e.getAddressComplement(),
                e.getPostalCode(), e.getCity(), distributor, solution.getEditorName(), true);
    }

    /** The address of a company SIRENE does not know yet, as the supplier typed it. */
    private static Optional<EnrolmentRequest.PostalAddress> typedAddress(EnrolmentForm form, String recipient,
                                                                        String entrance, String extension,
                                                                        String complement, Errors errors) {
        String number = text(form.getStreetNumber(), "streetNumber", "Le numéro de voie", false, 8, errors);
        if (number != null && !number.matches("[0-9]{1,4}")) {
            errors.add("streetNumber", "Le numéro de voie ne doit comporter que des chiffres (4 au plus).");
            number = null;
        }
        String type = text(form.getStreetType(), "streetType", "Le type de voie", true, 8, errors);
        if (type != null && !StreetTypes.isKnown(type)) {
            errors.add("streetType", "Choisissez un type de voie dans la liste.");
            type = null;
        }
        String name = text(form.getStreetName(), "streetName", "Le nom de voie", true, MAX_TEXT, errors);
        String postalCode = text(form.getPostalCode(), "postalCode", "Le code postal", true, 5, errors);
        if (postalCode != null && !postalCode.matches("[0-9]{5}")) {
            errors.add("postalCode", "Le code postal doit comporter 5 chiffres.");
            postalCode = null;
        }
        String city = text(form.getCity(), "city", "La commune", true, MAX_TEXT, errors);
        if (type == null || name == null || postalCode == null || city == null) {
            return Optional.empty();
        }
        return Optional.of(new EnrolmentRequest.PostalAddress(recipient, entrance, number, extension,
                type.toUpperCase(Locale.ROOT), name.toUpperCase(Locale.FRENCH), complement, postalCode,
                city.toUpperCase(Locale.FRENCH)));
    }

    private static Set<DocumentKind> required(EnrolmentForm form, Optional<ApplicantCompany> company) {
        // A Kbis proves the dénomination when it differs from SIRENE's, or when SIRENE does not know the SIRET yet.
        boolean changed = company.map(c -> !c.verified() || form.getDenomination() != null
                && !Denominations.same(c.legalName(), form.getDenomination())).orElse(false);
        boolean distributor = company.map(ApplicantCompany::distributor).orElse(false);
        return RequiredDocuments.of(changed, distributor, form.getLegalRepresentative(), form.getTiersQuality());
    }

    private static SoftwareSummary summary(AnsSolution s) {
        return new SoftwareSummary(s.getReferencingNumber(), s.getSoftwareName(), s.getSoftwareVersion(),
                s.dsrLabel(), s.getEditorSiren(), s.getEditorName());
    }

    private static Optional<Person> person(PersonRole role, String prefix, String lastName, String firstName,
                                           String email, String confirmation, String phone, Errors errors) {
        String who = " du " + role.label();
        String last = text(lastName, prefix + "LastName", "Le nom" + who, true, MAX_NAME, errors);
        String first = text(firstName, prefix + "FirstName", "Le prénom" + who, true, MAX_NAME, errors);
        Optional<EmailAddress> mail = errors.attempt(() -> EmailAddress.confirmed(prefix + "Email", email, confirmation));
        Optional<PhoneNumber> tel = errors.attempt(() -> PhoneNumber.of(prefix + "Phone", phone));
        if (last == null || first == null || mail.isEmpty() || tel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Person(role, last, first, mail.get().value(), tel.get().value()));
    }

    private static void requireDocument(DocumentKind kind, Map<DocumentKind, Document> uploaded, Errors errors) {
        if (!uploaded.containsKey(kind)) {
            errors.add(kind.name(), "Le document « " + kind.label() + " » est obligatoire.");
        }
    }

    private static String text(String raw, String field, String label, boolean mandatory, int max, Errors errors) {
        String value = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            if (mandatory) {
                errors.add(field, label + " est obligatoire.");
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(field, label + " ne doit pas dépasser " + max + " caractères.");
            return null;
        }
        return value;
    }

    private record Person(PersonRole role, String lastName, String firstName, String email, String phone) {
    }

    private record Applicant(ApplicantCompany view, EnrolmentRequest.Company company, boolean isRepresentative,
                             List<Person> people) {
    }

    /** Collects every broken rule of a step, so the supplier sees them all at once. */
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

        boolean any() {
            return !list.isEmpty();
        }

        void throwIfAny() {
            if (any()) {
                throw new BusinessRuleException(list);
            }
        }
    }
}
