package fr.asp.segur.domain.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The day's payment batch: open while validated avances and soldes are added to it, then exported
 * once — its count and control sum frozen — as a SEPA credit transfer file.
 */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch {

    /** Where a batch is in its life. */
    public enum Status {
        OUVERT("Ouvert"), EXPORTE("Exporté");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "batch_date")
    private LocalDate batchDate;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "exported_at")
    private LocalDateTime exportedAt;
    @Column(name = "exported_by")
    private String exportedBy;
    @Column(name = "line_count")
    private Integer lineCount;
    @Column(name = "control_sum")
    private BigDecimal controlSum;
    @Version
    private long version;

    protected PaymentBatch() {
    }

    public PaymentBatch(LocalDate batchDate, LocalDateTime now) {
        this.batchDate = batchDate;
        this.status = Status.OUVERT;
        this.createdAt = now;
        this.messageId = "SEGUR-" + DateTimeFormatter.BASIC_ISO_DATE.format(batchDate);
    }

    /** Freezes the batch as exported, with the count and control sum its file carries. */
    public void markExported(int count, BigDecimal sum, String actor, LocalDateTime now) {
        if (status != Status.OUVERT) {
            throw new IllegalStateException("Batch " + messageId + " already exported");
        }
        this.status = Status.EXPORTE;
        this.lineCount = count;
        this.controlSum = sum;
        this.exportedBy = actor;
        this.exportedAt = now;
    }

    public Long getId() { return id; }
    public LocalDate getBatchDate() { return batchDate; }
    public Status getStatus() { return status; }
    public String getMessageId() { return messageId; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getExportedAt() { return exportedAt; }
    public String getExportedBy() { return exportedBy; }
    public Integer getLineCount() { return lineCount; }
    public BigDecimal getControlSum() { return controlSum; }
    public long getVersion() { return version; }
}
