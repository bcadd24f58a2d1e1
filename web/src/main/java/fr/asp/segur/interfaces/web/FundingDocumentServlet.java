package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.funding.FundingService;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A supplier downloads a document of one of their funding requests (order form, invoice, VA, MOM).
 * Another company's document is answered exactly like a missing one (404).
 */
@WebServlet("/espace/financement/document")
public class FundingDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private FundingService funding;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var document = funding.myDocument(id);
        if (document.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(document.get().mediaType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + document.get().fileName().replace("\"", "") + "\"");
        response.setContentLength(document.get().content().length);
        response.getOutputStream().write(document.get().content());
    }
}
