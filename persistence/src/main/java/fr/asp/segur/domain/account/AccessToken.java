package fr.asp.segur.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A link sent by email that lets its holder act once, before it expires (e.g. choose a password).
 * The database keeps only the token's SHA-256: a copy of the table opens nothing.
 */
@Entity
@Table(name = "access_token")
public class AccessToken {

    public static final String CHOOSE_PASSWORD = "CHOIX_MOT_DE_PASSE";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;
    private String purpose;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "expires_at")
    private LocalDateTime expiresAt;
    @Column(name = "used_at")
    private LocalDateTime usedAt;

    protected AccessToken() {
    }

    private AccessToken(Account account, String purpose, String tokenHash, LocalDateTime now, Duration lifetime) {
        this.account = account;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** A new token: the entity to store and the secret to put in the link (never stored). */
    public static Issued issue(Account account, String purpose, LocalDateTime now, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(new AccessToken(account, purpose, hash(secret), now, lifetime), secret);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isUsable(LocalDateTime now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void use(LocalDateTime now) {
        this.usedAt = now;
    }

    public Account getAccount() { return account; }
    public String getPurpose() { return purpose; }
    public LocalDateTime getExpiresAt() { return expiresAt; }

    public record Issued(AccessToken token, String secret) {
    }
}
