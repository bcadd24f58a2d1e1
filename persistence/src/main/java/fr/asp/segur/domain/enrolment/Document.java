package fr.asp.segur.domain.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Metadata of an uploaded supporting document. While the supplier is in the wizard it belongs to a
 * draft token; on submission it is attached to the request. The bytes are in {@link DocumentContent}.
 */
@Entity
@Table(name = "document")
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "request_id")
    private EnrolmentRequest request;
    @Column(name = "funding_request_id")
    private Long fundingRequestId;
    @Column(name = "draft_token")
    private String draftToken;
    @Enumerated(EnumType.STRING)
    private DocumentKind kind;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "media_type")
    private String mediaType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "uploaded_at")
    private LocalDateTime uploadedAt;
    @Column(name = "purged_at")
    private LocalDateTime purgedAt;

    protected Document() {
    }

    public Document(String draftToken, DocumentKind kind, String fileName, String mediaType, long sizeBytes,
                    String sha256) {
        this.draftToken = draftToken;
        this.kind = kind;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedAt = LocalDateTime.now();
    }

    void attachTo(EnrolmentRequest request) {
        this.request = request;
        this.draftToken = null;
    }

    /** Attaches a staged document to a funding request (order form, invoice, VA or MOM). */
    public void attachToFundingRequest(Long fundingRequestId) {
        if (draftToken == null) {
            throw new IllegalStateException("Only a staged document can be attached");
        }
        this.fundingRequestId = fundingRequestId;
        this.draftToken = null;
    }

    public Long getFundingRequestId() { return fundingRequestId; }
    public Long getId() { return id; }
    public EnrolmentRequest getRequest() { return request; }
    public String getDraftToken() { return draftToken; }
    public DocumentKind getKind() { return kind; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public LocalDateTime getUploadedAt() { return uploadedAt; }
    /** When the content was deleted at the end of its retention period; {@code null} while it is kept. */
    public LocalDateTime getPurgedAt() { return purgedAt; }
}
