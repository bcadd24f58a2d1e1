package fr.asp.segur.domain.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A bulk deposit: one file whose every line became a funding request ({@link FundingRequest#fromDeposit}).
 * Stored with the hash of its canonical content, unique per company: the same file posted twice is
 * recognised and creates nothing new.
 */
@Entity
@Table(name = "funding_deposit")
public class FundingDeposit {

    /** Where a deposit came from. */
    public enum Channel { ESPACE, API }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "supplier_siret", updatable = false)
    private String supplierSiret;
    @Column(name = "enrolment_request_id", updatable = false)
    private Long enrolmentRequestId;
    @Column(name = "call_code", updatable = false)
    private String callCode;
    @Column(name = "filed_by", updatable = false)
    private String filedBy;
    @Column(updatable = false)
    private String channel;
    @Column(name = "content_hash", updatable = false)
    private String contentHash;
    @Column(name = "line_count", updatable = false)
    private int lineCount;
    @Column(name = "deposited_at", updatable = false)
    private LocalDateTime depositedAt;

    protected FundingDeposit() {
    }

    public FundingDeposit(String supplierSiret, Long enrolmentRequestId, String callCode, String filedBy,
                          Channel channel, String contentHash, int lineCount, LocalDateTime depositedAt) {
        this.supplierSiret = supplierSiret;
        this.enrolmentRequestId = enrolmentRequestId;
        this.callCode = callCode;
        this.filedBy = filedBy;
        this.channel = channel.name();
        this.contentHash = contentHash;
        this.lineCount = lineCount;
        this.depositedAt = depositedAt;
    }

    public Long getId() { return id; }
    public String getSupplierSiret() { return supplierSiret; }
    public Long getEnrolmentRequestId() { return enrolmentRequestId; }
    public String getCallCode() { return callCode; }
    public String getFiledBy() { return filedBy; }
    public Channel getChannel() { return Channel.valueOf(channel); }
    public String getContentHash() { return contentHash; }
    public int getLineCount() { return lineCount; }
    public LocalDateTime getDepositedAt() { return depositedAt; }
}
