package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.captcha.CaptchaService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.Map;

/**
 * "Mot de passe oublié": always the same answer, whether the address has an account or not, once the captcha
 * is solved (otherwise a script could fill any mailbox with links).
 */
@Named
@ViewScoped
public class PasswordLink extends CaptchaSlots {

    private static final long serialVersionUID = 1L;
    static final String CAPTCHA = "captcha";

    @EJB
    private AccountService accounts;
    @EJB
    private CaptchaService captcha;
    private String login;
    private boolean sent;

    public void send() {
        if (login == null || login.isBlank()) {
            FormMessages.show("forgotten", new BusinessRuleException("login", "L'identifiant est obligatoire."), Map.of());
            return;
        }
        try {
            accounts.requestPasswordLink(login, issuedCaptcha(CAPTCHA), typedCaptcha(CAPTCHA));
            sent = true;
        } catch (BusinessRuleException e) {
            FormMessages.show("forgotten", e, Map.of());
        } finally {
            renewCaptcha(CAPTCHA);
        }
    }

    @Override
    protected CaptchaService captchaService() {
        return captcha;
    }

    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public boolean isSent() { return sent; }
}
