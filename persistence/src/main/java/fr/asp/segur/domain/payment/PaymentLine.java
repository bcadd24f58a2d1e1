package fr.asp.segur.domain.payment;

import fr.asp.segur.domain.funding.FundingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One SEPA credit transfer of a batch: the avance or the solde of one funding request, to the IBAN of
 * the supplier's enrolment (copied when prepared). The IBAN is personal data: never log it.
 */
@Entity
@Table(name = "payment_line")
public class PaymentLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "batch_id")
    private Long batchId;
    @Column(name = "funding_request_id")
    private Long fundingRequestId;
    @Enumerated(EnumType.STRING)
    private FundingStatus.Phase phase;
    private BigDecimal amount;
    @Column(name = "end_to_end_id")
    private String endToEndId;
    @Column(name = "creditor_name")
    private String creditorName;
    @Column(name = "creditor_iban")
    private String creditorIban;
    @Column(name = "creditor_bic")
    private String creditorBic;
    private String remittance;
    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected PaymentLine() {
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public Long getFundingRequestId() { return fundingRequestId; }
    public FundingStatus.Phase getPhase() { return phase; }
    public BigDecimal getAmount() { return amount; }
    public String getEndToEndId() { return endToEndId; }
    public String getCreditorName() { return creditorName; }
    public String getCreditorIban() { return creditorIban; }
    public String getCreditorBic() { return creditorBic; }
    public String getRemittance() { return remittance; }
    public LocalDateTime getCreatedAt() { return createdAt; }
}
