package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.account.LoginThrottle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The login error page (connexion-erreur.xhtml). A failure counts only when the page is reached as Undertow's FORM
 * mechanism shows it, forwarded from j_security_check after Elytron refused the password: a link to the page, with
 * whatever j_username, proves nothing and counts nothing.
 */
@Named
@RequestScoped
public class LoginFailure {

    @EJB
    private LoginThrottle throttle;
    private boolean blocked;

    public void record() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getAttribute(LoginGuardFilter.BLOCKED) != null) {
            blocked = true;
            external.setResponseStatus(429);
            return;
        }
        if (!isRefusedByTheLoginMechanism(request)) {
            return;
        }
        String login = request.getParameter("j_username");
        String address = request.getRemoteAddr();
        throttle.recordFailure(login, address);
        if (throttle.isBlocked(login, address)) {
            blocked = true;
            external.setResponseStatus(429);
        }
    }

    static boolean isRefusedByTheLoginMechanism(HttpServletRequest request) {
        Object from = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return request.getDispatcherType() == DispatcherType.FORWARD && "POST".equals(request.getMethod())
                && from instanceof String uri && uri.endsWith("/j_security_check");
    }

    /** Whether this address may not log in to the account for now (the page says so instead). */
    public boolean isBlocked() {
        return blocked;
    }

    public String getBlockedMessage() {
        return LoginThrottle.BLOCKED;
    }
}
