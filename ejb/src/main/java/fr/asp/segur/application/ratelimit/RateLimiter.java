package fr.asp.segur.application.ratelimit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
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
        String bucket = bucket(limit, kind, subject);
        LocalDateTime window = windowStart(limit.window());
        try {
            return counters.hit(bucket, window);
        } catch (EJBException firstHitCollided) {
            return counters.hit(bucket, window);
        }
    }

    /** The hits so far in the current window, without counting one. */
    public int hits(RateLimit limit, String kind, String subject) {
        return counters.hits(bucket(limit, kind, subject), windowStart(limit.window()));
    }

    /** Forgets the current window's hits of a subject. */
    public void reset(RateLimit limit, String kind, String subject) {
        counters.reset(bucket(limit, kind, subject), windowStart(limit.window()));
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

    /** Windows are in UTC, so that every node, whatever its zone, cuts the same ones. */
    public static LocalDateTime windowStart(Duration window) {
        long seconds = LocalDateTime.now(ZoneOffset.UTC).toEpochSecond(ZoneOffset.UTC);
        long start = seconds - Math.floorMod(seconds, window.toSeconds());
        return LocalDateTime.ofEpochSecond(start, 0, ZoneOffset.UTC);
    }

    /** The subject is hashed: the table holds no address, email or login. */
    static String bucket(RateLimit limit, String kind, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return limit.key() + ":" + kind + ":" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
