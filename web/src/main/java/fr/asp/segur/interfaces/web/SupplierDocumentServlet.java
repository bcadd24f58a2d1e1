package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.supplier.SupplierQueries;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A supplier downloads one of their own documents. Whatever id is typed, a document of a company not
 * granted to the caller is answered exactly like a missing one (404): nothing tells it exists.
 */
@WebServlet("/espace/document")
public class SupplierDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupplierQueries queries;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var document = queries.myDocument(id);
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
