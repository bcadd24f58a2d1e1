package fr.asp.segur.domain.funding;

import fr.asp.segur.domain.account.AccessToken;
import fr.asp.segur.domain.enrolment.DocumentKind;
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
 * What an agent asked the supplier of a funding request to provide again, for its avance or its
 * solde, and the single-use, expiring link by which the supplier answers. Only the link's SHA-256
 * is stored, as for an enrolment's {@link fr.asp.segur.domain.enrolment.ComplementRequest}.
 */
@Entity
@Table(name = "funding_complement_request")
public class FundingComplementRequest {

    public static final Duration LINK_LIFETIME = Duration.ofDays(30);
    /** The documents an agent may ask for again. */
    public static final Set<DocumentKind> ASKABLE = EnumSet.of(DocumentKind.BON_DE_COMMANDE, DocumentKind.FACTURE,
            DocumentKind.VERIFICATION_APTITUDE, DocumentKind.MISE_EN_ORDRE_DE_MARCHE);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "funding_request_id")
    private FundingRequest request;
    @Column(name = "asked_by")
    private String askedBy;
    @Column(name = "asked_at")
    private LocalDateTime askedAt;
    private String message;
    private String documents;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "expires_at")
    private LocalDateTime expiresAt;
    @Column(name = "answered_at")
    private LocalDateTime answeredAt;

    protected FundingComplementRequest() {
    }

    private FundingComplementRequest(FundingRequest request, String askedBy, String message,
                                     Set<DocumentKind> documents, String tokenHash, LocalDateTime now) {
        this.request = request;
        this.askedBy = askedBy;
        this.askedAt = now;
        this.message = message;
        this.documents = documents.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.tokenHash = tokenHash;
        this.expiresAt = now.plus(LINK_LIFETIME);
    }

    /**
     * A new request for complements and the secret of its link (to email, never stored).
     *
     * @throws IllegalArgumentException for a document that is not a funding request's
     */
    public static Issued ask(FundingRequest request, String askedBy, String message, Set<DocumentKind> documents,
                             LocalDateTime now) {
        if (!ASKABLE.containsAll(documents)) {
            throw new IllegalArgumentException("Not a funding document: " + documents);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(new FundingComplementRequest(request, askedBy, message, documents,
                AccessToken.hash(secret), now), secret);
    }

    public boolean isOpen(LocalDateTime now) {
        return answeredAt == null && now.isBefore(expiresAt);
    }

    /** Whether {@code secret} is this request's link. */
    public boolean isLink(String secret) {
        return secret != null && AccessToken.hash(secret).equals(tokenHash);
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

    public Long getId() { return id; }
    public FundingRequest getRequest() { return request; }
    public String getAskedBy() { return askedBy; }
    public LocalDateTime getAskedAt() { return askedAt; }
    public String getMessage() { return message; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public LocalDateTime getAnsweredAt() { return answeredAt; }

    public record Issued(FundingComplementRequest complement, String secret) {
    }
}
