package fr.asp.segur.application.ratelimit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The {@code rate_counter} table. Each hit is counted in its own transaction, so that a refused request, which
 * rolls back, still counts. The UPDATE is atomic in PostgreSQL and H2 alike (row lock), so that concurrent hits on
 * several nodes are all counted; the first hit of a window inserts the row, and two first hits at the same instant
 * collide on the primary key: the loser's transaction fails and {@link RateLimiter} counts it again.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RateCounters {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    /** Counts one hit and returns the window's hits, this one included. */
    public int hit(String bucket, LocalDateTime window) {
        int updated = em.createNativeQuery("UPDATE rate_counter SET hits = hits + 1 WHERE bucket = ? AND window_start = ?")
                .setParameter(1, bucket).setParameter(2, window).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO rate_counter (bucket, window_start, hits) VALUES (?, ?, 1)")
                    .setParameter(1, bucket).setParameter(2, window).executeUpdate();
            return 1;
        }
        return hits(bucket, window);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int hits(String bucket, LocalDateTime window) {
        List<?> rows = em.createNativeQuery("SELECT hits FROM rate_counter WHERE bucket = ? AND window_start = ?")
                .setParameter(1, bucket).setParameter(2, window).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    public void reset(String bucket, LocalDateTime window) {
        em.createNativeQuery("DELETE FROM rate_counter WHERE bucket = ? AND window_start = ?")
                .setParameter(1, bucket).setParameter(2, window).executeUpdate();
    }

    public int purgeBefore(LocalDateTime limit) {
        return em.createNativeQuery("DELETE FROM rate_counter WHERE window_start < ?").setParameter(1, limit).executeUpdate();
    }
}
