package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.account.AccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** The login error page counts the failure against the login typed, so that repeated failures lock it. */
@Named
@RequestScoped
public class LoginFailure {

    @EJB
    private AccountService accounts;

    public void record() {
        String login = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("j_username");
        if (login != null && !login.isBlank()) {
            accounts.recordFailedLogin(login);
        }
    }
}
