package fr.asp.segur.domain.enrolment;

import fr.asp.segur.domain.account.AccessToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an agent asked the supplier to provide again, and the single-use, expiring link by which the
 * supplier answers. Only the link's SHA-256 is stored.
 */
@Entity
@Table(name = "complement_request")
public class ComplementRequest {

    public static final Duration LINK_LIFETIME = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    private EnrolmentRequest request;
    @Column(name = "asked_by")
    private String askedBy;
    @Column(name = "asked_at")
    private LocalDateTime askedAt;
    private String message;
    private String documents;
    private String fields;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "expires_at")
    private LocalDateTime expiresAt;
    @Column(name = "answered_at")
    private LocalDateTime answeredAt;
    @Column(name = "reminders_sent")
    private int remindersSent;
    @Column(name = "last_reminder_at")
    private LocalDateTime lastReminderAt;

    protected ComplementRequest() {
    }

    private ComplementRequest(EnrolmentRequest request, String askedBy, String message, Set<DocumentKind> documents,
                              Set<CorrectableField> fields, String tokenHash, LocalDateTime now) {
        this.request = request;
        this.askedBy = askedBy;
        this.askedAt = now;
        this.message = message;
        this.documents = documents.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.fields = fields.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.tokenHash = tokenHash;
        this.expiresAt = now.plus(LINK_LIFETIME);
    }

    /** A new request for complements and the secret of its link (to email, never stored). */
    public static Issued ask(EnrolmentRequest request, String askedBy, String message, Set<DocumentKind> documents,
                             LocalDateTime now) {
        return ask(request, askedBy, message, documents, Set.of(), now);
    }

    /** A new request for complements naming documents to provide again and fields to correct. */
    public static Issued ask(EnrolmentRequest request, String askedBy, String message, Set<DocumentKind> documents,
                             Set<CorrectableField> fields, LocalDateTime now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(new ComplementRequest(request, askedBy, message, documents, fields,
                AccessToken.hash(secret), now), secret);
    }

    /** Whether the supplier has been silent for {@code delay} since the request or the last reminder. */
    public boolean isReminderDue(LocalDateTime now, Duration delay) {
        LocalDateTime since = lastReminderAt != null ? lastReminderAt : askedAt;
        return answeredAt == null && !since.plus(delay).isAfter(now);
    }

    /**
     * Records a reminder and gives the link a new secret (only hashes are stored, so a reminder can
     * only carry a new link; the previous one stops working) with a fresh lifetime.
     */
    public String remind(LocalDateTime now) {
        remindersSent++;
        lastReminderAt = now;
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokenHash = AccessToken.hash(secret);
        expiresAt = now.plus(LINK_LIFETIME);
        return secret;
    }

    /** No answer after every reminder: the link stops working. */
    public void close(LocalDateTime now) {
        expiresAt = now;
    }

    public int getRemindersSent() { return remindersSent; }

    public boolean isOpen(LocalDateTime now) {
        return answeredAt == null && now.isBefore(expiresAt);
    }

    public void answered(LocalDateTime now) {
        this.answeredAt = now;
    }

    public Set<DocumentKind> getDocuments() {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        if (documents != null && !documents.isBlank()) {
            Arrays.stream(documents.split(",")).map(DocumentKind::valueOf).forEach(kinds::add);
        }
        return kinds;
    }

    /** The fields to correct, in the order of the wizard's screens. */
    public Set<CorrectableField> getFields() {
        Set<CorrectableField> set = EnumSet.noneOf(CorrectableField.class);
        if (fields != null && !fields.isBlank()) {
            Arrays.stream(fields.split(",")).map(CorrectableField::valueOf).forEach(set::add);
        }
        return set;
    }

    public Long getId() { return id; }
    public EnrolmentRequest getRequest() { return request; }
    public String getAskedBy() { return askedBy; }
    public LocalDateTime getAskedAt() { return askedAt; }
    public String getMessage() { return message; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public LocalDateTime getAnsweredAt() { return answeredAt; }

    public record Issued(ComplementRequest complement, String secret) {
    }
}
