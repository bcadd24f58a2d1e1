package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.payment.BatchView;
import fr.asp.segur.application.payment.PaymentBatches;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The SEPA credit transfer file (pain.001.001.09) of an exported payment batch, streamed as the EJB
 * writes it: {@code /backoffice/paiements/fichier?lot=ID}. Supervisors only (web.xml and the EJB).
 */
@WebServlet("/backoffice/paiements/fichier")
public class PaymentFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private PaymentBatches batches;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("lot"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Lot de paiement inconnu.");
            return;
        }
        BatchView batch;
        try {
            batch = batches.find(id);
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (BusinessRuleException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Lot de paiement inconnu.");
            return;
        }
        if (!batch.exported()) {
            response.sendError(HttpServletResponse.SC_CONFLICT, "Ce lot n'est pas encore exporté.");
            return;
        }
        response.setContentType("application/xml; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + batch.messageId() + ".xml\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        batches.writeFile(id, response.getOutputStream());
    }
}
