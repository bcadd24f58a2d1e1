package fr.asp.segur.application.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * What the portal counts, per client address and per account, and how much it allows in a fixed window. Each
 * count can be changed with {@code -Dsegur.rate-limit.<key>.address=N} and {@code ...account=N}; a client address
 * in {@code segur.rate-limit.exempt} (comma-separated) is never counted by address.
 */
public enum RateLimit {

    /** "Rechercher" next to the ANS number: a typing person needs a few; a script enumerates the referential. */
    ANS_LOOKUP("ans-lookup", Duration.ofMinutes(10), 60, 0),
    /** "Rechercher" next to the SIRET (captcha-protected too): reads the SIRENE copy. */
    SIRET_LOOKUP("siret-lookup", Duration.ofMinutes(10), 30, 0),
    /** Every captcha check, right or wrong. */
    CAPTCHA("captcha", Duration.ofMinutes(10), 30, 0),
    /** "Contacter l'assistance": the account is the email typed, which receives the acknowledgement. */
    CONTACT("contact", Duration.ofHours(1), 5, 3),
    /** "Mot de passe oublié": the account is the login typed, which receives the link. */
    PASSWORD_RESET("password-reset", Duration.ofHours(1), 5, 3),
    /** Documents uploaded; the account is the wizard's draft. */
    UPLOAD("upload", Duration.ofMinutes(10), 120, 60),
    /**
     * Failed logins (real ones: Elytron refused the password). Counted per address and per account and
     * address; see {@code LoginThrottle}.
     */
    LOGIN_FAILURE("login-failure", Duration.ofMinutes(15), 20, 5);

    private final String key;
    private final Duration window;
    private final int perAddress;
    private final int perAccount;

    RateLimit(String key, Duration window, int perAddress, int perAccount) {
        this.key = key;
        this.window = window;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
    }

    public String key() { return key; }
    public Duration window() { return window; }

    /** The start of the current window. Windows are cut in UTC, so that every node, whatever its zone, cuts the same. */
    public LocalDateTime currentWindow() {
        long seconds = LocalDateTime.now(ZoneOffset.UTC).toEpochSecond(ZoneOffset.UTC);
        long start = seconds - Math.floorMod(seconds, window.toSeconds());
        return LocalDateTime.ofEpochSecond(start, 0, ZoneOffset.UTC);
    }

    /** A counter's bucket: this limit, the kind of subject, and the subject hashed (no address, email or login kept). */
    String bucket(String kind, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return key + ":" + kind + ":" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hits allowed per client address in a window; 0: not counted by address. */
    public int perAddress() {
        return Integer.getInteger("segur.rate-limit." + key + ".address", perAddress);
    }

    /** Hits allowed per account in a window; 0: not counted by account. */
    public int perAccount() {
        return Integer.getInteger("segur.rate-limit." + key + ".account", perAccount);
    }
}
