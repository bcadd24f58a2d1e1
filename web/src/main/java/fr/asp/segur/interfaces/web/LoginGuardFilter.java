package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.account.LoginThrottle;
import fr.asp.segur.application.ratelimit.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * Every request: tells the rate limits which client address they count ({@link ClientAddress}). The first request
 * of a freshly logged-in session: refuses the login if {@link LoginThrottle} blocks its account from this address
 * (the session is dropped and the login error page says why, with HTTP 429), else clears the address's failures
 * for the account. This runs after Elytron accepted the password, since Undertow's FORM mechanism answers
 * j_security_check before any filter.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class LoginGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CHECKED = "segur.login-guard.checked";
    static final String BLOCKED = "segur.login-guard.blocked";

    @Inject
    private ClientAddress clientAddress;
    @EJB
    private LoginThrottle throttle;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        clientAddress.set(request.getRemoteAddr());
        Principal principal = request.getUserPrincipal();
        HttpSession session = principal == null ? null : request.getSession(false);
        if (session != null && session.getAttribute(CHECKED) == null) {
            if (throttle.isBlocked(principal.getName(), request.getRemoteAddr())) {
                session.invalidate();
                request.setAttribute(BLOCKED, Boolean.TRUE);
                response.setStatus(429);
                request.getRequestDispatcher("/connexion-erreur.xhtml").forward(request, response);
                return;
            }
            session.setAttribute(CHECKED, Boolean.TRUE);
            throttle.recordSuccess(principal.getName(), request.getRemoteAddr());
        }
        chain.doFilter(request, response);
    }
}
