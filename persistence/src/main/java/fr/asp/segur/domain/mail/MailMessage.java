package fr.asp.segur.domain.mail;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An email in the outbox. Written in the same transaction as the business change that causes it,
 * so that it can be neither lost nor sent for a change that was rolled back.
 */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    private static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** Stable RFC 5322 Message-ID: a retry after an uncertain send carries the same one. */
    @Column(name = "message_id")
    private String messageId;
    private String recipient;
    private String subject;
    @Column(name = "text_body")
    private String textBody;
    @Column(name = "html_body")
    private String htmlBody;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "next_attempt_at")
    private LocalDateTime nextAttemptAt;
    private int attempts;
    @Column(name = "sent_at")
    private LocalDateTime sentAt;
    @Column(name = "last_error")
    private String lastError;
    /** The node that may send the message until {@link #claimedUntil} (a lease: see OutboxSender). */
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_until")
    private LocalDateTime claimedUntil;
    @Version
    private long version;
    @OneToMany(mappedBy = "message", cascade = CascadeType.PERSIST)
    @OrderBy("sortOrder")
    private List<MailAttachment> attachments = new ArrayList<>();

    protected MailMessage() {
    }

    public MailMessage(String recipient, String subject, String textBody, String htmlBody, String domain) {
        this.messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        this.recipient = recipient;
        this.subject = subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.createdAt = LocalDateTime.now();
        this.nextAttemptAt = createdAt;
    }

    /** Adds a file to send with the message; persisted with it. */
    public void attach(String fileName, String mediaType, byte[] content) {
        attachments.add(new MailAttachment(this, attachments.size() + 1, fileName, mediaType, content));
    }

    public void markSent(LocalDateTime now) {
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
        release();
    }

    /** Whether this node holds an unexpired lease on the message, so that it alone may send it now. */
    public boolean isClaimedBy(String node, LocalDateTime now) {
        return node.equals(claimedBy) && claimedUntil != null && claimedUntil.isAfter(now);
    }

    private void release() {
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    /** Exponential back-off from 30 s, capped at one hour: an SMTP outage delays mail, never loses it. */
    public void markFailed(String error, LocalDateTime now) {
        this.attempts++;
        long seconds = Math.min(3600, 30L << Math.min(attempts - 1, 7));
        this.nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
        release();
    }

    public boolean isSent() {
        return sentAt != null;
    }

    public Long getId() { return id; }
    public String getMessageId() { return messageId; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getTextBody() { return textBody; }
    public String getHtmlBody() { return htmlBody; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getNextAttemptAt() { return nextAttemptAt; }
    public int getAttempts() { return attempts; }
    public LocalDateTime getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
    public String getClaimedBy() { return claimedBy; }
    public LocalDateTime getClaimedUntil() { return claimedUntil; }
    public List<MailAttachment> getAttachments() { return attachments; }
}
