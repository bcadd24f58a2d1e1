package fr.asp.segur.application.captcha;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.domain.captcha.CaptchaChallenge;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The portal's own captcha (it runs offline: no third-party service). A challenge is an image code
 * with a question in words as its non-visual alternative; either answer passes. A challenge is
 * checked on the server, once: right or wrong, it is spent.
 */
@Stateless
@PermitAll
public class CaptchaService {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    /** How long a challenge may be answered: {@code segur.captcha.lifetime-minutes}, 15 by default. */
    static Duration lifetime() {
        return Duration.ofMinutes(Settings.integer("segur.captcha.lifetime-minutes", (int) LIFETIME.toMinutes()));
    }
    public static final String WRONG = "Le code captcha saisi est incorrect. Un nouveau code vous est proposé.";
    public static final String EXPIRED = "Le code captcha a expiré. Un nouveau code vous est proposé.";
    public static final String ALREADY_USED = "Ce code captcha a déjà été utilisé. Un nouveau code vous est proposé.";
    public static final String MISSING = "Le captcha est obligatoire.";

    private static final RandomGenerator RANDOM = new SecureRandom();
    private final CaptchaImageRenderer renderer = new CaptchaImageRenderer();

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    public CaptchaChallenge issue() {
        CaptchaQuestion question = CaptchaQuestion.random(RANDOM);
        CaptchaChallenge challenge = new CaptchaChallenge(UUID.randomUUID().toString(),
                CaptchaText.randomCode(RANDOM), question.text(), question.answer(),
                LocalDateTime.now().plus(lifetime()));
        em.persist(challenge);
        return challenge;
    }

    public Optional<byte[]> image(String id) {
        CaptchaChallenge challenge = id == null ? null : em.find(CaptchaChallenge.class, id);
        if (challenge == null || !challenge.isUsable(LocalDateTime.now())) {
            return Optional.empty();
        }
        return Optional.of(renderer.renderPng(challenge.getCode()));
    }

    /**
     * Spends the challenge and fails with a French message unless the answer is right. Runs in its own
     * transaction so that a wrong answer spends the challenge even though the caller rolls back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void check(String field, String id, String answer) {
        if (id == null || answer == null || answer.isBlank()) {
            throw new BusinessRuleException(field, MISSING);
        }
        CaptchaChallenge challenge = em.find(CaptchaChallenge.class, id);
        if (challenge == null) {
            throw new BusinessRuleException(field, EXPIRED);
        }
        boolean alreadyUsed = challenge.isUsed();
        boolean usable = challenge.isUsable(LocalDateTime.now());
        challenge.markUsed();
        em.flush();
        if (!usable) {
            throw new SpentCaptchaException(field, alreadyUsed ? ALREADY_USED : EXPIRED);
        }
        if (!CaptchaAnswers.matches(challenge.getCode(), answer)
                && !CaptchaAnswers.matchesNumber(challenge.getQuestionAnswer(), answer)) {
            throw new SpentCaptchaException(field, WRONG);
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purgeExpired() {
        em.createQuery("delete from CaptchaChallenge c where c.expiresAt < :now")
                .setParameter("now", LocalDateTime.now().minus(lifetime()))
                .executeUpdate();
    }

    /** A refusal that must not roll back the spending of the challenge. */
    @jakarta.ejb.ApplicationException(rollback = false)
    public static class SpentCaptchaException extends BusinessRuleException {
        public SpentCaptchaException(String field, String message) {
            super(field, message);
        }
    }
}
