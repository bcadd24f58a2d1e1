package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.model.RequestReceipt;
import fr.asp.segur.application.receipt.RequestReceipts;
import fr.asp.segur.domain.account.Role;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /recapitulatif?numero=ENR…}: the PDF récapitulatif of a request, for the browser session that submitted
 * it (the wizard remembers the number in the session), for the service gestion, or for a supplier whose company
 * filed it. Anyone else gets 404, whether the request exists or not.
 */
@WebServlet("/recapitulatif")
public class ReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String SUBMITTED = ReceiptServlet.class.getName() + ".submitted";

    @EJB
    private RequestReceipts receipts;

    /** Called by the wizard once « Terminer » succeeded: this session may download that request's receipt. */
    static void rememberSubmission(HttpSession session, String requestNumber) {
        synchronized (session) {
            @SuppressWarnings("unchecked")
            Set<String> numbers = (Set<String>) session.getAttribute(SUBMITTED);
            if (numbers == null) {
                numbers = ConcurrentHashMap.newKeySet();
            }
            numbers.add(requestNumber);
            session.setAttribute(SUBMITTED, numbers);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String number = request.getParameter("numero");
        Optional<byte[]> pdf = Optional.empty();
        if (number != null && submittedHere(request, number)) {
            pdf = receipts.ofOwnSubmission(number);
        } else if (number != null && (request.isUserInRole(Role.AGENT_ROLE)
                || request.isUserInRole(Role.SUPERVISEUR_ROLE) || request.isUserInRole(Role.ADMINISTRATEUR_ROLE))) {
            pdf = receipts.forAgent(number);
        } else if (number != null && request.isUserInRole(Role.FOURNISSEUR_ROLE)) {
            pdf = receipts.forSupplier(number);
        }
        if (pdf.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", DocumentServlet.contentDisposition(false,
                RequestReceipt.fileName(number.strip())));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(pdf.get().length);
        response.getOutputStream().write(pdf.get());
    }

    /** Whether this browser session submitted that request (without creating a session). */
    static boolean submittedHere(HttpServletRequest request, String number) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Object numbers = session.getAttribute(SUBMITTED);
        return numbers instanceof Set<?> s && s.contains(number.strip());
    }
}
