package fr.asp.segur.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A supplier account's API token. Only the SHA-256 of its secret is kept: the secret itself is shown
 * once, when created. It acts for its account, within the account's companies, until revoked.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", updatable = false)
    private Long accountId;
    @Column(updatable = false)
    private String label;
    @Column(name = "token_hash", updatable = false)
    private String tokenHash;
    @Column(name = "token_prefix", updatable = false)
    private String tokenPrefix;
    @Column(name = "created_at", updatable = false)
    private LocalDateTime createdAt;
    @Column(name = "last_used_at")
    private LocalDateTime lastUsedAt;
    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    protected ApiToken() {
    }

    public ApiToken(Long accountId, String label, String tokenHash, String tokenPrefix, LocalDateTime createdAt) {
        this.accountId = accountId;
        this.label = label;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = createdAt;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public void usedAt(LocalDateTime when) {
        this.lastUsedAt = when;
    }

    /** Revoking twice keeps the first revocation's time. */
    public void revoke(LocalDateTime when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getLabel() { return label; }
    public String getTokenHash() { return tokenHash; }
    public String getTokenPrefix() { return tokenPrefix; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getLastUsedAt() { return lastUsedAt; }
    public LocalDateTime getRevokedAt() { return revokedAt; }
}
