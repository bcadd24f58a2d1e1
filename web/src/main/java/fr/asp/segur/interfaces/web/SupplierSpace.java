package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.supplier.SupplierQueries;
import fr.asp.segur.application.supplier.SupplierRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** A supplier's space: the requests of their companies, with state and history. */
@Named
@RequestScoped
public class SupplierSpace {

    @EJB
    private SupplierQueries queries;
    private List<SupplierRequest> requests;

    public List<String> getCompanies() {
        return queries.myCompanies().stream().sorted().toList();
    }

    public List<SupplierRequest> getRequests() {
        if (requests == null) {
            requests = queries.myRequests();
        }
        return requests;
    }
}
