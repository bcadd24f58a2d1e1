package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.account.AccountService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** "Mot de passe oublié": always the same answer, whether the address has an account or not. */
@Named
@ViewScoped
public class PasswordLink implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountService accounts;
    private String login;
    private boolean sent;

    public void send() {
        if (login != null && !login.isBlank()) {
            accounts.requestPasswordLink(login);
        }
        sent = true;
    }

    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public boolean isSent() { return sent; }
}
