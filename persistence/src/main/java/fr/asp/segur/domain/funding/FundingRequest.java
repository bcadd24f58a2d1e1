package fr.asp.segur.domain.funding;

import fr.asp.segur.domain.enrolment.IllegalTransitionException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A funding request: one client installation of a validated supplier's software, against one
 * funding call, carried from its avance to its solde. Created only by the funding service once
 * every rule holds; its state changes only through {@link #moveTo}, which writes the history.
 */
@Entity
@Table(name = "funding_request")
public class FundingRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "request_number")
    private String requestNumber;
    @ManyToOne
    @JoinColumn(name = "call_id")
    private FundingCall call;
    @Column(name = "enrolment_request_id")
    private Long enrolmentRequestId;
    @Column(name = "supplier_siret")
    private String supplierSiret;
    @Column(name = "filed_by")
    private String filedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "client_kind")
    private ClientKind clientKind;
    @Column(name = "client_identifier")
    private String clientIdentifier;
    @Column(name = "client_name")
    private String clientName;
    @Column(name = "client_known")
    private boolean clientKnown;
    @Column(name = "ceiling_tranche")
    private String ceilingTranche;
    @Column(name = "order_signed_on")
    private LocalDate orderSignedOn;
    @Column(name = "order_amount_ht")
    private BigDecimal orderAmountHt;
    @Column(name = "ceiling_ht")
    private BigDecimal ceilingHt;
    @Column(name = "granted_ht")
    private BigDecimal grantedHt;
    @Column(name = "avance_ht")
    private BigDecimal avanceHt;
    @Column(name = "solde_ht")
    private BigDecimal soldeHt;
    @Enumerated(EnumType.STRING)
    private FundingStatus status;
    @Column(name = "conflict_with_id")
    private Long conflictWithId;
    @Column(name = "filed_at")
    private LocalDateTime filedAt;
    @Column(name = "solde_filed_at")
    private LocalDateTime soldeFiledAt;
    @Column(name = "assigned_agent")
    private String assignedAgent;
    @Column(name = "deposit_id")
    private Long depositId;
    @Version
    private long version;

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<FundingHistory> history = new ArrayList<>();

    protected FundingRequest() {
    }

    /**
     * A new avance request, already checked by the funding service.
     *
     * @param client the client as identified and named (the referential's name when it knows it)
     */
    public FundingRequest(String requestNumber, FundingCall call, Long enrolmentRequestId, String supplierSiret,
                          String filedBy, FundingClient client, String ceilingTranche, LocalDate orderSignedOn,
                          FundingAmounts amounts, LocalDateTime filedAt) {
        if (client.kind() != call.getClientKind()) {
            throw new IllegalArgumentException("Client kind " + client.kind() + " for call " + call.getCode());
        }
        this.requestNumber = requestNumber;
        this.call = call;
        this.enrolmentRequestId = enrolmentRequestId;
        this.supplierSiret = supplierSiret;
        this.filedBy = filedBy;
        this.clientKind = client.kind();
        this.clientIdentifier = client.identifier();
        this.clientName = client.name();
        this.clientKnown = client.known();
        this.ceilingTranche = ceilingTranche;
        this.orderSignedOn = orderSignedOn;
        this.orderAmountHt = amounts.orderHt().value();
        this.ceilingHt = amounts.ceilingHt().value();
        this.grantedHt = amounts.grantedHt().value();
        this.avanceHt = amounts.avanceHt().value();
        this.soldeHt = amounts.soldeHt().value();
        this.status = FundingStatus.AVANCE_DEPOSEE;
        this.filedAt = filedAt;
        history.add(new FundingHistory(this, filedAt, filedBy, null, FundingStatus.AVANCE_DEPOSEE, null));
    }

    /**
     * Moves the request to another state, if its life cycle allows it, and records the change.
     * Rejections and requests for complements must say why.
     */
    public FundingHistory moveTo(FundingStatus target, String actor, String motivation, LocalDateTime now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Une demande de financement « " + status.label()
                    + " » ne peut pas passer à l'état « " + target.label() + " ».");
        }
        String why = motivation == null ? null : motivation.strip();
        if (target.needsMotivation() && (why == null || why.isEmpty())) {
            throw new IllegalTransitionException("La motivation est obligatoire pour passer la demande à l'état « "
                    + target.label() + " ».");
        }
        FundingHistory change = new FundingHistory(this, now, actor, status, target, why);
        history.add(change);
        if (target == FundingStatus.SOLDE_DEPOSE) {
            soldeFiledAt = now;
        }
        status = target;
        return change;
    }

    /** Marks this request as competing with another one that holds the same client for the call. */
    public void markConflictWith(Long holderId) {
        this.conflictWithId = holderId;
    }

    /** The competing request was rejected (or this one took the client over): no conflict any more. */
    public void clearConflict() {
        this.conflictWithId = null;
    }

    public void assignTo(String agent) {
        this.assignedAgent = agent;
    }

    /** The bulk deposit this request came from. */
    public void fromDeposit(Long depositId) {
        this.depositId = depositId;
    }

    public FundingAmounts amounts() {
        return new FundingAmounts(new Amount(orderAmountHt), new Amount(ceilingHt), new Amount(grantedHt),
                new Amount(avanceHt), new Amount(soldeHt));
    }

    public FundingClient client() {
        return new FundingClient(clientKind, clientIdentifier, clientName, clientKnown);
    }

    public Long getId() { return id; }
    public String getRequestNumber() { return requestNumber; }
    public FundingCall getCall() { return call; }
    public Long getEnrolmentRequestId() { return enrolmentRequestId; }
    public String getSupplierSiret() { return supplierSiret; }
    public String getFiledBy() { return filedBy; }
    public String getCeilingTranche() { return ceilingTranche; }
    public LocalDate getOrderSignedOn() { return orderSignedOn; }
    public FundingStatus getStatus() { return status; }
    public Long getConflictWithId() { return conflictWithId; }
    public LocalDateTime getFiledAt() { return filedAt; }
    public LocalDateTime getSoldeFiledAt() { return soldeFiledAt; }
    public String getAssignedAgent() { return assignedAgent; }
    public Long getDepositId() { return depositId; }
    public long getVersion() { return version; }
    public List<FundingHistory> getHistory() { return Collections.unmodifiableList(history); }
}
