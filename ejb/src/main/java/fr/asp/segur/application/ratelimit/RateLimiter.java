package fr.asp.segur.application.ratelimit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts what a client address and an account do, in fixed windows kept in the database (every node sees the
 * same counts), and refuses what goes beyond {@link RateLimit}. The business services call it before any work.
 */
@Stateless
@PermitAll
public class RateLimiter {

    @EJB
    private RateCounters counters;
    @Inject
    private ClientAddress client;

    /**
     * Counts one hit of {@code limit} for the calling client's address and for {@code account} (may be null), and
     * throws {@link TooManyRequestsException} (on {@code field}) if either is over its limit.
     */
    public void hit(RateLimit limit, String account, String field) {
        boolean over = false;
        String address = clientAddress();
        if (address != null && limit.perAddress() > 0 && !exempt(address)) {
            over = count(limit, "a", address) > limit.perAddress();
        }
        if (account != null && !account.isBlank() && limit.perAccount() > 0) {
            over |= count(limit, "u", account.strip().toLowerCase(Locale.ROOT)) > limit.perAccount();
        }
        if (over) {
            throw new TooManyRequestsException(field);
        }
    }

    /** Counts one hit for a subject made of several parts (e.g. an account and an address), without refusing. */
    public int count(RateLimit limit, String kind, String subject) {
        String bucket = limit.bucket(kind, subject);
        LocalDateTime window = limit.currentWindow();
        try {
            return counters.hit(bucket, window);
        } catch (EJBException firstHitCollided) {
            return counters.hit(bucket, window);
        }
    }

    /** The hits so far in the current window, without counting one. */
    public int hits(RateLimit limit, String kind, String subject) {
        return counters.hits(limit.bucket(kind, subject), limit.currentWindow());
    }

    /** Forgets the current window's hits of a subject. */
    public void reset(RateLimit limit, String kind, String subject) {
        counters.reset(limit.bucket(kind, subject), limit.currentWindow());
    }

    /** The calling client's address, or null outside a portal HTTP request. */
    public String clientAddress() {
        try {
            return client.value();
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }

    public boolean exempt(String address) {
        Set<String> exempt = Arrays.stream(System.getProperty("segur.rate-limit.exempt", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return exempt.contains(address);
    }

    @Schedule(hour = "*", minute = "23", persistent = false)
    void purge() {
        counters.purgeBefore(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
    }
}
