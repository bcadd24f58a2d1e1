package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.supplier.SupplierAccess;
import fr.asp.segur.application.supplier.SupplierQueries;
import fr.asp.segur.application.supplier.SupplierRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * A supplier's space: the requests their account may see, with state and history; the legal representative
 * named in a request shares it with another account of the company, or withdraws the share.
 */
@Named
@RequestScoped
public class SupplierSpace {

    @EJB
    private SupplierQueries queries;
    @EJB
    private SupplierAccess access;
    private List<SupplierRequest> requests;
    private String shareEmail;

    public List<String> getCompanies() {
        return queries.myCompanies().stream().sorted().toList();
    }

    public List<SupplierRequest> getRequests() {
        if (requests == null) {
            requests = queries.myRequests();
        }
        return requests;
    }

    public String getShareEmail() { return shareEmail; }
    public void setShareEmail(String shareEmail) { this.shareEmail = shareEmail; }

    public void share(String requestNumber) {
        try {
            access.share(requestNumber, shareEmail);
            FormMessages.info("La demande " + requestNumber + " est partagée avec " + shareEmail + ".");
            shareEmail = null;
        } catch (BusinessRuleException e) {
            FormMessages.show("partage-" + requestNumber, e, Map.of());
        }
        requests = null;
    }

    public void revoke(String requestNumber, String login) {
        try {
            access.revoke(requestNumber, login);
            FormMessages.info("Le partage de la demande " + requestNumber + " avec " + login + " est retiré.");
        } catch (BusinessRuleException e) {
            FormMessages.show("partage-" + requestNumber, e, Map.of());
        }
        requests = null;
    }
}
