package fr.asp.segur.domain.captcha;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A captcha challenge that has been checked, right or wrong: it cannot be used again. The challenge itself
 * (ALTCHA's proof of work) travels signed in the page; the row is what makes it single use on every node of
 * a cluster. Kept until its expiry has passed, after which the signature refuses it anyway.
 */
@Entity
@Table(name = "captcha_challenge")
public class CaptchaChallenge {

    @Id
    private String id;
    @Column(name = "expires_at")
    private LocalDateTime expiresAt;
    private boolean used;

    protected CaptchaChallenge() {
    }

    public CaptchaChallenge(String id, LocalDateTime expiresAt) {
        this.id = id;
        this.expiresAt = expiresAt;
        this.used = true;
    }

    public String getId() { return id; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public boolean isUsed() { return used; }
}
