package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.account.AccountService;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** "Changer mon mot de passe" for whoever is logged in. */
@Named
@ViewScoped
public class PasswordChange implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountService accounts;
    private String current;
    private String password;
    private String confirmation;
    private boolean done;

    public void save() {
        try {
            accounts.changeMyPassword(current, password, confirmation);
            done = true;
        } catch (BusinessRuleException e) {
            for (FieldError error : e.errors()) {
                FacesContext.getCurrentInstance().addMessage(null,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), error.message()));
            }
        } finally {
            current = null;
            password = null;
            confirmation = null;
        }
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public boolean isDone() { return done; }
}
