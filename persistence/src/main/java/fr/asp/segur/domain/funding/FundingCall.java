package fr.asp.segur.domain.funding;

import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.support.Couloir;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A funding call (appel à financement): the DSR(s) it funds, the clients it funds, the ceiling per
 * client, the avance's share, the document required at solde, and its windows. The window rules
 * are here, exact to the minute (Europe/Paris local time, as published).
 */
@Entity
@Table(name = "funding_call")
public class FundingCall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String label;
    @Enumerated(EnumType.STRING)
    private Couloir couloir;
    @Column(name = "dsr_labels")
    private String dsrLabels;
    private int vague;
    @Enumerated(EnumType.STRING)
    @Column(name = "client_kind")
    private ClientKind clientKind;
    @Column(name = "flat_ceiling_ht")
    private BigDecimal flatCeilingHt;
    @Column(name = "ceiling_basis")
    private String ceilingBasis;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "funding_call_ceiling", joinColumns = @JoinColumn(name = "call_id"))
    @OrderBy("position")
    private List<CeilingTranche> ceilingTranches = new ArrayList<>();
    @Column(name = "avance_rate")
    private BigDecimal avanceRate;
    @Enumerated(EnumType.STRING)
    @Column(name = "solde_document")
    private SoldeDocument soldeDocument;
    @Column(name = "order_window_start")
    private LocalDateTime orderWindowStart;
    @Column(name = "order_window_end")
    private LocalDateTime orderWindowEnd;
    @Column(name = "solde_deadline")
    private LocalDateTime soldeDeadline;
    @Column(name = "closed_at")
    private LocalDateTime closedAt;
    @Column(name = "updated_at")
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected FundingCall() {
    }

    public FundingCall(FundingCallDefinition definition, LocalDateTime now) {
        this.code = definition.code();
        redefine(definition, now);
    }

    /** Replaces the call's definition (its code stays). */
    public void redefine(FundingCallDefinition d, LocalDateTime now) {
        if (!code.equals(d.code())) {
            throw new IllegalArgumentException("A call's code never changes: " + code + " / " + d.code());
        }
        this.label = d.label().strip();
        this.couloir = d.couloir();
        this.dsrLabels = String.join(";", d.dsrLabels());
        this.vague = d.vague();
        this.clientKind = d.clientKind();
        this.flatCeilingHt = d.flatCeilingHt() == null ? null : d.flatCeilingHt().value();
        this.ceilingBasis = d.ceilingBasis();
        this.ceilingTranches.clear();
        this.ceilingTranches.addAll(d.ceilingTranches());
        this.avanceRate = d.avanceRate();
        this.soldeDocument = d.soldeDocument();
        this.orderWindowStart = d.orderWindowStart();
        this.orderWindowEnd = d.orderWindowEnd();
        this.soldeDeadline = d.soldeDeadline();
        this.updatedAt = now;
        if (closedAt != null && now.isBefore(orderWindowEnd)) {
            closedAt = null; // an extended window reopens the call
        }
    }

    public FundingCallDefinition definition() {
        return new FundingCallDefinition(code, label, couloir, dsrLabels(), vague, clientKind,
                flatCeilingHt == null ? null : new Amount(flatCeilingHt), ceilingBasis, ceilingTranches, avanceRate,
                soldeDocument, orderWindowStart, orderWindowEnd, soldeDeadline);
    }

    public List<String> dsrLabels() {
        return Arrays.asList(dsrLabels.split(";"));
    }

    /** Whether the call funds software referenced against this DSR. */
    public boolean funds(String dsrLabel) {
        return dsrLabel != null && dsrLabels().stream().anyMatch(d -> d.equalsIgnoreCase(dsrLabel.strip()));
    }

    /** Whether avances may be filed at {@code now}: inside the window, start and end minutes included. */
    public boolean openForAvances(LocalDateTime now) {
        LocalDateTime minute = now.truncatedTo(ChronoUnit.MINUTES); // 14:00:59 is still the 14:00 minute
        return !minute.isBefore(orderWindowStart) && !minute.isAfter(orderWindowEnd);
    }

    /** Whether an order form signed on that day is inside the call's window (by day, in Paris). */
    public boolean acceptsOrderSignedOn(LocalDate signedOn) {
        return !signedOn.isBefore(orderWindowStart.toLocalDate()) && !signedOn.isAfter(orderWindowEnd.toLocalDate());
    }

    /** Whether a solde may still be filed at {@code now}: until the deadline's minute included. */
    public boolean openForSoldes(LocalDateTime now) {
        return !now.truncatedTo(ChronoUnit.MINUTES).isAfter(soldeDeadline);
    }

    /**
     * The ceiling for one client: the flat ceiling, or the line of the table the supplier chose.
     * Refuses a tranche the table does not have.
     */
    public Amount ceilingFor(String tranche) {
        if (flatCeilingHt != null) {
            return new Amount(flatCeilingHt);
        }
        Optional<CeilingTranche> line = ceilingTranches.stream()
                .filter(t -> tranche != null && t.getTranche().equalsIgnoreCase(tranche.strip())).findFirst();
        String choose = "hoisissez la tranche « " + ceilingBasis + " » du client parmi celles de l'appel.";
        return line.map(CeilingTranche::amountHt).orElseThrow(() -> new InvalidValueException("tranche",
                tranche == null || tranche.isBlank() ? "C" + choose
                        : "La tranche « " + tranche.strip() + " » n'existe pas dans l'appel : c" + choose));
    }

    public boolean hasCeilingTable() {
        return flatCeilingHt == null;
    }

    /** Marks the call closed once its window has ended (nightly); returns whether it changed. */
    public boolean closeIfEnded(LocalDateTime now) {
        if (closedAt == null && now.isAfter(orderWindowEnd)) {
            closedAt = now;
            return true;
        }
        return false;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getLabel() { return label; }
    public Couloir getCouloir() { return couloir; }
    public int getVague() { return vague; }
    public ClientKind getClientKind() { return clientKind; }
    public String getCeilingBasis() { return ceilingBasis; }
    public List<CeilingTranche> getCeilingTranches() { return Collections.unmodifiableList(ceilingTranches); }
    public Optional<Amount> flatCeilingHt() { return Optional.ofNullable(flatCeilingHt).map(Amount::new); }
    public BigDecimal getAvanceRate() { return avanceRate; }
    public SoldeDocument getSoldeDocument() { return soldeDocument; }
    public LocalDateTime getOrderWindowStart() { return orderWindowStart; }
    public LocalDateTime getOrderWindowEnd() { return orderWindowEnd; }
    public LocalDateTime getSoldeDeadline() { return soldeDeadline; }
    public LocalDateTime getClosedAt() { return closedAt; }
    public long getVersion() { return version; }
}
