package fr.asp.segur.domain.enrolment;

import fr.asp.segur.domain.model.Denominations;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An enrolment request as submitted by a supplier: the software, the company, the people, the bank
 * details and the documents. It is created only by the enrolment service, once every rule holds.
 */
@Entity
@Table(name = "enrolment_request")
public class EnrolmentRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "request_number")
    private String requestNumber;
    @Enumerated(EnumType.STRING)
    private RequestStatus status;
    @Column(name = "submitted_at")
    private LocalDateTime submittedAt;
    @Version
    private long version;

    @Column(name = "referencing_number")
    private String referencingNumber;
    @Column(name = "software_name")
    private String softwareName;
    @Column(name = "software_version")
    private String softwareVersion;
    @Column(name = "dsr_label")
    private String dsrLabel;

    private String siret;
    private String denomination;
    @Column(name = "referential_denomination")
    private String referentialDenomination;
    @Column(name = "commercial_name")
    private String commercialName;
    @Column(name = "recipient_identity")
    private String recipientIdentity;
    private String entrance;
    @Column(name = "street_number")
    private String streetNumber;
    @Column(name = "street_extension")
    private String streetExtension;
    @Column(name = "street_type")
    private String streetType;
    @Column(name = "street_name")
    private String streetName;
    @Column(name = "address_complement")
    private String addressComplement;
    @Column(name = "postal_code")
    private String postalCode;
    private String city;
    private boolean distributor;
    @Column(name = "editor_name")
    private String editorName;

    @Column(name = "filer_is_representative")
    private boolean filerIsRepresentative;
    @Enumerated(EnumType.STRING)
    @Column(name = "tiers_quality")
    private TiersQuality tiersQuality;

    private String iban;
    private String bic;
    @Column(name = "account_holder")
    private String accountHolder;
    @Column(name = "bank_domiciliation")
    private String bankDomiciliation;

    @Column(name = "commitments_accepted_at")
    private LocalDateTime commitmentsAcceptedAt;

    @Column(name = "assigned_agent")
    private String assignedAgent;

    @Enumerated(EnumType.STRING)
    @Column(name = "siret_verification")
    private SiretVerification siretVerification = SiretVerification.SIRENE;
    @Column(name = "siret_checked_at")
    private LocalDateTime siretCheckedAt;

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("role")
    private List<RequestPerson> people = new ArrayList<>();

    @OneToMany(mappedBy = "request")
    @OrderBy("id")
    private List<Document> documents = new ArrayList<>();

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<RequestHistory> history = new ArrayList<>();

    protected EnrolmentRequest() {
    }

    public EnrolmentRequest(String requestNumber, Software software, Company company, BankAccount bank,
                            boolean filerIsRepresentative, TiersQuality tiersQuality, LocalDateTime submittedAt) {
        this.requestNumber = requestNumber;
        this.status = RequestStatus.SOUMISE;
        this.submittedAt = submittedAt;
        this.commitmentsAcceptedAt = submittedAt;
        this.referencingNumber = software.referencingNumber();
        this.softwareName = software.name();
        this.softwareVersion = software.version();
        this.dsrLabel = software.dsrLabel();
        this.siret = company.siret();
        this.denomination = company.denomination();
        this.referentialDenomination = company.referentialDenomination();
        this.commercialName = company.commercialName();
        PostalAddress a = company.address();
        this.recipientIdentity = a.recipientIdentity();
        this.entrance = a.entrance();
        this.streetNumber = a.streetNumber();
        this.streetExtension = a.streetExtension();
        this.streetType = a.streetType();
        this.streetName = a.streetName();
        this.addressComplement = a.complement();
        this.postalCode = a.postalCode();
        this.city = a.city();
        this.distributor = company.distributor();
        this.editorName = company.editorName();
        this.filerIsRepresentative = filerIsRepresentative;
        this.tiersQuality = filerIsRepresentative ? null : tiersQuality;
        this.iban = bank.iban();
        this.bic = bank.bic();
        this.accountHolder = bank.holder();
        this.bankDomiciliation = bank.domiciliation();
    }

    /**
     * Moves the request to another state, if its life cycle allows it, and records the change.
     * Refusals and requests for complements must say why.
     */
    public RequestHistory moveTo(RequestStatus target, String actor, String motivation, LocalDateTime now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Une demande « " + status.label()
                    + " » ne peut pas passer à l'état « " + target.label() + " ».");
        }
        String why = motivation == null ? null : motivation.strip();
        if (target.needsMotivation() && (why == null || why.isEmpty())) {
            throw new IllegalTransitionException("La motivation est obligatoire pour passer la demande à l'état « "
                    + target.label() + " ».");
        }
        RequestHistory change = new RequestHistory(this, now, actor, status, target, why);
        history.add(change);
        status = target;
        return change;
    }

    /** The agent who instructs the request from now on. */
    public void assignTo(String agent) {
        this.assignedAgent = agent;
    }

    public String getAssignedAgent() { return assignedAgent; }

    public SiretVerification getSiretVerification() { return siretVerification; }
    public LocalDateTime getSiretCheckedAt() { return siretCheckedAt; }

    /** Submitted with a valid SIRET the SIRENE referential does not know yet: "SIRET non vérifié". */
    public void markSiretUnverified() {
        if (id != null) {
            throw new IllegalStateException("Only a request being submitted can be marked SIRET non vérifié");
        }
        this.siretVerification = SiretVerification.NON_VERIFIE;
    }

    /**
     * Records what a SIRENE sync found for a SIRET that was not verified: the establishment (active or
     * closed, with its legal name), or still nothing. Only a pending request can be re-checked.
     */
    public void recordSiretCheck(boolean found, boolean closed, String legalName, LocalDateTime at) {
        if (!siretVerification.pending()) {
            throw new IllegalStateException("SIRET of request " + requestNumber + " is not awaiting verification");
        }
        this.siretCheckedAt = at;
        if (found) {
            this.siretVerification = closed ? SiretVerification.FERME : SiretVerification.CONFIRME;
            this.referentialDenomination = legalName;
        }
    }

    /** The first history row: the supplier's submission. */
    public void recordSubmission(String actor) {
        history.add(new RequestHistory(this, submittedAt, actor, null, RequestStatus.SOUMISE, null));
    }

    public List<RequestHistory> getHistory() { return Collections.unmodifiableList(history); }

    public RequestPerson addPerson(PersonRole role, String lastName, String firstName, String email, String phone) {
        RequestPerson person = new RequestPerson(this, role, lastName, firstName, email, phone);
        people.add(person);
        return person;
    }

    public void attach(Document document) {
        document.attachTo(this);
        documents.add(document);
    }

    /**
     * Replaces the bank details with corrected ones (already validated by their value objects), when
     * an agent asked for it; the caller records the change in the history.
     */
    public void correctBankAccount(BankAccount corrected) {
        this.iban = corrected.iban();
        this.bic = corrected.bic();
        this.accountHolder = corrected.holder();
        this.bankDomiciliation = corrected.domiciliation();
    }

    public Long getId() { return id; }
    public String getRequestNumber() { return requestNumber; }
    public RequestStatus getStatus() { return status; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public long getVersion() { return version; }
    public boolean isFilerIsRepresentative() { return filerIsRepresentative; }
    public TiersQuality getTiersQuality() { return tiersQuality; }
    public boolean isDistributor() { return distributor; }
    public boolean isDenominationChanged() {
        return referentialDenomination != null && !Denominations.same(referentialDenomination, denomination);
    }
    public LocalDateTime getCommitmentsAcceptedAt() { return commitmentsAcceptedAt; }
    public List<RequestPerson> getPeople() { return Collections.unmodifiableList(people); }
    public List<Document> getDocuments() { return Collections.unmodifiableList(documents); }

    public Optional<RequestPerson> person(PersonRole role) {
        return people.stream().filter(p -> p.getRole() == role).findFirst();
    }

    public Software software() {
        return new Software(referencingNumber, softwareName, softwareVersion, dsrLabel);
    }

    public Company company() {
        return new Company(siret, denomination, referentialDenomination, commercialName,
                new PostalAddress(recipientIdentity, entrance, streetNumber, streetExtension, streetType, streetName,
                        addressComplement, postalCode, city),
                distributor, editorName);
    }

    public BankAccount bankAccount() {
        return new BankAccount(iban, bic, accountHolder, bankDomiciliation);
    }

    /** The software part: "1 - Logiciel". */
    public record Software(String referencingNumber, String name, String version, String dsrLabel) {
    }

    /** The company part: "Personne morale". */
    public record Company(String siret, String denomination, String referentialDenomination, String commercialName,
                          PostalAddress address, boolean distributor, String editorName) {
    }

    /** A French postal address as the wizard captures it (AFNOR NF Z10-011 lines). */
    public record PostalAddress(String recipientIdentity, String entrance, String streetNumber, String streetExtension,
                                String streetType, String streetName, String complement, String postalCode,
                                String city) {
    }

    /** "3 - Coordonnées bancaires". The IBAN is personal data: never log this record. */
    public record BankAccount(String iban, String bic, String holder, String domiciliation) {
        @Override
        public String toString() {
            return "BankAccount[bic=" + bic + "]";
        }
    }
}
