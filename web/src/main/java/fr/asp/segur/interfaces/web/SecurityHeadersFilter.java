package fr.asp.segur.interfaces.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The security headers of every response (issue 11). The Content-Security-Policy of Faces pages is PrimeFaces'
 * (CSP mode, web.xml: the same policy plus the page's script nonce); this filter gives every other response the
 * same policy without a nonce, and makes sure a page carries one policy only. Servlets that serve documents set
 * their own, stricter policy over it. HSTS only over TLS (behind a proxy: Undertow's proxy-address-forwarding).
 */
// FORWARD too: the FORM mechanism forwards to the login page before any REQUEST filter runs.
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CSP = "Content-Security-Policy";
    /** Kept equal to primefaces.CSP_POLICY in web.xml, which PrimeFaces completes with "'nonce-…';". */
    static final String POLICY = "default-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self';";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(CSP, POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, new OnePolicy(response));
    }

    /** PrimeFaces adds its policy (with the nonce): it replaces this filter's instead of adding a second one. */
    static final class OnePolicy extends HttpServletResponseWrapper {
        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
