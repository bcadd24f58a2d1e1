package fr.asp.segur.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/**
 * The generic error page (erreur.xhtml) the container shows for every 4xx/5xx status and every exception
 * (web.xml), and {@link SafeExceptionHandler} for ajax requests. Says what the person can do, in French; never the
 * exception, its class, the server or a version.
 */
@Named
@RequestScoped
public class ErrorPage {

    public int getStatus() {
        Object status = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }

    public String getTitle() {
        return switch (getStatus()) {
            case 400 -> "Requête invalide";
            case 401, 403 -> "Accès refusé";
            case 404 -> "Page introuvable";
            case 405 -> "Action non autorisée";
            case 413 -> "Envoi trop volumineux";
            case 429 -> "Trop de demandes";
            default -> "Une erreur est survenue";
        };
    }

    public String getExplanation() {
        return switch (getStatus()) {
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
