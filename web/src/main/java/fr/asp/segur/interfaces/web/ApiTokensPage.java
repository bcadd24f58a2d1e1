package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.deposit.ApiTokens;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** "Mes jetons d'API": create (the secret shown once, on this view only), list, revoke. */
@Named
@ViewScoped
public class ApiTokensPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApiTokens tokens;

    private String label;
    private ApiTokens.CreatedToken created;
    private String message;
    private List<ApiTokens.TokenView> list;

    public void create() {
        message = null;
        try {
            created = tokens.create(label);
            label = null;
        } catch (BusinessRuleException e) {
            created = null;
            message = e.getMessage();
        }
        list = null;
    }

    public void revoke(long id) {
        created = null;
        try {
            tokens.revoke(id);
            message = "Le jeton est révoqué : les appels qui l'utilisent sont désormais refusés.";
        } catch (BusinessRuleException e) {
            message = e.getMessage();
        }
        list = null;
    }

    public List<ApiTokens.TokenView> getTokens() {
        if (list == null) {
            list = tokens.mine();
        }
        return list;
    }

    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public ApiTokens.CreatedToken getCreated() { return created; }
    public String getMessage() { return message; }
}
