package fr.asp.segur.application.captcha;

import fr.asp.segur.domain.captcha.CaptchaChallenge;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the captcha keeps in the database, each in its own transaction so that it holds whatever the caller's
 * transaction does (a refused submission rolls back, the spent challenge stays spent).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CaptchaLedger {

    static final String HMAC_KEY = "captcha.hmac-key";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    /**
     * Records a challenge as spent. Returns false when it already was; two nodes spending it at the same instant
     * collide on the primary key, and the loser's transaction fails (the caller treats that as spent too).
     */
    public boolean spend(String id, LocalDateTime expiresAt) {
        if (em.find(CaptchaChallenge.class, id) != null) {
            return false;
        }
        em.persist(new CaptchaChallenge(id, expiresAt));
        em.flush();
        return true;
    }

    public int purgeExpiredBefore(LocalDateTime limit) {
        return em.createQuery("delete from CaptchaChallenge c where c.expiresAt < :limit")
                .setParameter("limit", limit)
                .executeUpdate();
    }

    public String storedSecret(String name) {
        List<?> rows = em.createNativeQuery("SELECT secret_value FROM app_secret WHERE name = ?")
                .setParameter(1, name).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Stores a secret unless another node stored one first; fails on the primary key if it did. */
    public void storeSecret(String name, String value) {
        em.createNativeQuery("INSERT INTO app_secret (name, secret_value, created_at) VALUES (?, ?, ?)")
                .setParameter(1, name).setParameter(2, value).setParameter(3, LocalDateTime.now())
                .executeUpdate();
    }
}
