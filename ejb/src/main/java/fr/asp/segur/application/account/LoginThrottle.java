package fr.asp.segur.application.account;

import fr.asp.segur.application.ops.PortalMetrics;
import jakarta.inject.Inject;

import fr.asp.segur.application.ratelimit.RateLimit;
import fr.asp.segur.application.ratelimit.RateLimiter;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Locale;

/**
 * Failed logins, counted only when Elytron refused a password (the web module calls {@link #recordFailure} from
 * the error page the FORM mechanism forwards to, never from a link), and per client address, so that a stranger
 * cannot lock someone else out:
 * <ul>
 * <li>5 failures for one account from one address in 15 minutes: that address cannot log in to that account for
 * the rest of the window, even with the right password (a brute force from one place stops there);</li>
 * <li>20 failures from one address over any accounts: that address cannot log in at all (credential stuffing);</li>
 * <li>50 failures for one account from anywhere: only addresses that have not failed on it may still log in to it
 * (a distributed guess gets one try per address, and the owner, who did not fail, still gets in).</li>
 * </ul>
 * The refusal happens right after authentication ({@code LoginGuardFilter} in the web module), whatever the
 * password, so that it tells a script nothing about the password either.
 */
@Stateless
@PermitAll
public class LoginThrottle {

    public static final String BLOCKED = "Trop de tentatives de connexion infructueuses depuis votre adresse : "
            + "la connexion est suspendue pendant 15 minutes. Réessayez plus tard ou utilisez « Mot de passe oublié ».";
    static final int PER_ACCOUNT_FROM_ANYWHERE = 50;

    @EJB
    private RateLimiter limiter;
    @Inject
    private PortalMetrics metrics;

    /** A password Elytron refused for {@code login}, typed from {@code address}. */
    public void recordFailure(String login, String address) {
        if (login == null || login.isBlank() || login.length() > 254) {
            return;
        }
        metrics.loginFailed();
        String account = normalise(login);
        limiter.count(RateLimit.LOGIN_FAILURE, "u", account);
        if (address != null && !limiter.exempt(address)) {
            limiter.count(RateLimit.LOGIN_FAILURE, "a", address);
            limiter.count(RateLimit.LOGIN_FAILURE, "ua", account + "|" + address);
        }
    }

    /** A login that got through: the address's failures for the account start again from zero. */
    public void recordSuccess(String login, String address) {
        if (login != null && address != null) {
            limiter.reset(RateLimit.LOGIN_FAILURE, "ua", normalise(login) + "|" + address);
        }
    }

    /** Whether a login of {@code login} from {@code address} is to be refused, even with the right password. */
    public boolean isBlocked(String login, String address) {
        if (login == null || address == null || limiter.exempt(address)) {
            return false;
        }
        String account = normalise(login);
        int fromHere = limiter.hits(RateLimit.LOGIN_FAILURE, "ua", account + "|" + address);
        return fromHere >= RateLimit.LOGIN_FAILURE.perAccount()
                || limiter.hits(RateLimit.LOGIN_FAILURE, "a", address) >= RateLimit.LOGIN_FAILURE.perAddress()
                || (fromHere > 0 && limiter.hits(RateLimit.LOGIN_FAILURE, "u", account) >= PER_ACCOUNT_FROM_ANYWHERE);
    }

    private static String normalise(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
