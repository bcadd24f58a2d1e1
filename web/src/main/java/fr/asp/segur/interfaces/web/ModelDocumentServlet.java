package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.model.ModelDocuments;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** "Modèle contrat de prestation" and "Modèle de mandat" for a tiers déclarant, generated once per server. */
@WebServlet("/modeles/*")
public class ModelDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient byte[] contrat;
    private transient byte[] mandat;

    @Override
    public void init() {
        ModelDocuments models = new ModelDocuments();
        contrat = models.contratDePrestationPdf();
        mandat = models.mandatPdf();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        byte[] pdf = switch (path) {
            case "/contrat-prestation.pdf" -> contrat;
            case "/mandat.pdf" -> mandat;
            default -> null;
        };
        if (pdf == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + path.substring(1).replace("-", "_") + "\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
