package fr.asp.segur.application.captcha;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.ratelimit.RateLimit;
import fr.asp.segur.application.ratelimit.RateLimiter;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;

/**
 * The portal's captcha: ALTCHA's proof of work, checked here with no third party (see {@link ProofOfWork}). The
 * visitor ticks "Je ne suis pas un robot" and the browser spends a second or two of computation; nothing in the
 * page answers the challenge, and a script pays the same computation for each submission. A challenge is checked
 * once: right or wrong, it is spent; it expires after 15 minutes.
 *
 * <p>Configuration (system properties): {@code segur.captcha.hmac-key}, the key that signs challenges (generated
 * at first start and kept in the database for every node when absent); {@code segur.captcha.max-number}, the
 * cost (a browser tries max-number / 2 hashes on average; see docs/PERFORMANCE.md for the figures).
 */
@Stateless
@PermitAll
public class CaptchaService {

    static final Duration LIFETIME = Duration.ofMinutes(15);
    /** Default cost; see docs/PERFORMANCE.md ("Captcha cost") for how long a browser and a script take. */
    public static final long DEFAULT_MAX_NUMBER = 100_000;
    public static final String WRONG = "La vérification anti-robot a échoué. Une nouvelle vérification vous est proposée.";
    public static final String EXPIRED = "La vérification anti-robot a expiré. Une nouvelle vérification vous est proposée.";
    public static final String ALREADY_USED = "Cette vérification anti-robot a déjà été utilisée. Une nouvelle vérification vous est proposée.";
    public static final String MISSING = "Cochez la case « Je ne suis pas un robot » et attendez la fin de la vérification.";

    private static volatile String generatedKey;

    @EJB
    private CaptchaLedger ledger;
    @EJB
    private RateLimiter rateLimiter;

    public IssuedCaptcha issue() {
        return proofOfWork().issue(Instant.now().plus(LIFETIME));
    }

    /**
     * Spends the challenge {@code id} and fails with a French message unless {@code payload} (what the widget
     * posted) solves it. The spending is committed whatever the caller's transaction does.
     */
    public void check(String field, String id, String payload) {
        if (payload == null || payload.isBlank()) {
            throw new BusinessRuleException(field, MISSING);
        }
        // Counted before the (cheap) check: a script trying numbers or forged payloads pays a hit each time.
        rateLimiter.hit(RateLimit.CAPTCHA, null, field);
        ProofOfWork.Verdict verdict = proofOfWork().verify(payload);
        if (verdict.outcome() == ProofOfWork.Outcome.FORGED || (id != null && !id.equals(verdict.id()))) {
            // Not the challenge this page showed: nothing of ours to spend.
            throw new SpentCaptchaException(field, WRONG);
        }
        if (!spend(verdict)) {
            throw new SpentCaptchaException(field, ALREADY_USED);
        }
        if (!LocalDateTime.now().isBefore(verdict.expiresAt())) {
            throw new SpentCaptchaException(field, EXPIRED);
        }
        if (verdict.outcome() != ProofOfWork.Outcome.SOLVED) {
            throw new SpentCaptchaException(field, WRONG);
        }
    }

    private boolean spend(ProofOfWork.Verdict verdict) {
        try {
            return ledger.spend(verdict.id(), verdict.expiresAt());
        } catch (EJBException concurrentSpend) {
            return false;
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purgeExpired() {
        ledger.purgeExpiredBefore(LocalDateTime.now().minus(LIFETIME));
    }

    private ProofOfWork proofOfWork() {
        return new ProofOfWork(hmacKey(), maxNumber());
    }

    static long maxNumber() {
        return Long.getLong("segur.captcha.max-number", DEFAULT_MAX_NUMBER);
    }

    /** The configured key, else the cluster's generated one (created by the first node that needs it). */
    private String hmacKey() {
        String configured = System.getProperty("segur.captcha.hmac-key");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String key = generatedKey;
        if (key == null) {
            key = ledger.storedSecret(CaptchaLedger.HMAC_KEY);
            if (key == null) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    ledger.storeSecret(CaptchaLedger.HMAC_KEY, HexFormat.of().formatHex(random));
                } catch (EJBException anotherNodeWasFirst) {
                    // Its key is the cluster's: read below.
                }
                key = ledger.storedSecret(CaptchaLedger.HMAC_KEY);
            }
            generatedKey = key;
        }
        return key;
    }

    /**
     * A refused solution. Rolls the caller's transaction back like any broken rule: the challenge stays spent,
     * since {@link CaptchaLedger} recorded it in a transaction of its own.
     */
    public static class SpentCaptchaException extends BusinessRuleException {
        public SpentCaptchaException(String field, String message) {
            super(field, message);
        }
    }
}
