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

/** "Choisir mon mot de passe" from the single-use link of the credentials email. */
@Named
@ViewScoped
public class PasswordChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountService accounts;
    private String token;
    private String password;
    private String confirmation;
    private boolean done;

    public void save() {
        try {
            accounts.choosePasswordWithLink(token, password, confirmation);
            done = true;
        } catch (BusinessRuleException e) {
            FacesContext context = FacesContext.getCurrentInstance();
            for (FieldError error : e.errors()) {
                context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), error.message()));
            }
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public boolean isDone() { return done; }
}
