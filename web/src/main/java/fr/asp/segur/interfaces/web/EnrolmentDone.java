package fr.asp.segur.interfaces.web;

import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.model.RequestNumber;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The confirmation shown after "Terminer" (enrolement-terminee.xhtml?numero=ENR…). The wizard's session is
 * gone by then, so the page keeps nothing: its view is transient, and it shows only a well-formed number.
 */
@Named
@RequestScoped
public class EnrolmentDone {

    private String number;

    /** Before rendering: no view state to save (the page has no form), so none is kept in a session. */
    public void init() {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getViewRoot().setTransient(true);
        String raw = context.getExternalContext().getRequestParameterMap().get("numero");
        try {
            number = raw == null ? null : RequestNumber.parse(raw).value();
        } catch (InvalidValueException e) {
            number = null;
        }
    }

    public String getNumber() { return number; }

    /** The récapitulatif link is offered only to the browser that submitted the request. */
    public boolean isReceiptAvailable() {
        return number != null && ReceiptServlet.submittedHere(
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(), number);
    }
}
