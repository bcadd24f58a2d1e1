package fr.asp.segur.interfaces.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The generic error page the container shows for every 4xx/5xx status and every exception (web.xml), and where
 * {@link SafeExceptionHandler} sends a failed ajax request: says, in French, what the person can do; never the
 * exception, its class, the server or a version. A plain servlet, not a Faces page, because the request that failed
 * may be one Faces cannot read again (a malformed multipart body fails again on every parameter read).
 */
@WebServlet("/erreur")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c ? c : 500;
        if (!response.isCommitted()) {
            response.resetBuffer();
            response.setStatus(status);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String context = request.getContextPath();
        PrintWriter out = response.getWriter();
        out.write("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + title(status) + " - Portail SEGUR Numérique</title>"
                + "<link rel=\"stylesheet\" href=\"" + context + "/dsfr/dsfr.min.css\"/></head><body>"
                + "<header role=\"banner\" class=\"fr-header\"><div class=\"fr-container fr-py-2w\">"
                + "<p class=\"fr-header__service-title\"><a href=\"" + context + "/\">Portail SEGUR Numérique</a></p>"
                + "</div></header><main id=\"contenu\" role=\"main\" class=\"fr-container fr-my-6w\">"
                + "<h1 id=\"errorTitle\">" + title(status) + "</h1><p id=\"errorExplanation\">" + explanation(status) + "</p>"
                + "<p><a href=\"" + context + "/\">Revenir à l'accueil</a> ou <a href=\"" + context
                + "/contact.xhtml\">contacter l'assistance</a>.</p></main></body></html>\n");
        out.flush();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Requête invalide";
            case 401, 403 -> "Accès refusé";
            case 404 -> "Page introuvable";
            case 405 -> "Action non autorisée";
            case 413 -> "Envoi trop volumineux";
            case 429 -> "Trop de demandes";
            default -> "Une erreur est survenue";
        };
    }

    static String explanation(int status) {
        return switch (status) {
            case 400, 405 -> "Le portail n'a pas pu traiter la demande envoyée par votre navigateur.";
            case 401, 403 -> "Vous n'avez pas accès à cette page avec le compte utilisé.";
            case 404 -> "La page demandée n'existe pas ou n'existe plus. Vérifiez l'adresse saisie.";
            case 413 -> "Le fichier ou le formulaire envoyé dépasse la taille acceptée (4 Mo par fichier).";
            case 429 -> "Vous avez fait trop de demandes en peu de temps. Patientez quelques minutes avant de réessayer.";
            default -> "Le portail n'a pas pu traiter votre demande. Réessayez dans quelques instants ; si le problème "
                    + "persiste, contactez l'assistance.";
        };
    }
}
