package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.instruction.RequestQueries;
import fr.asp.segur.application.instruction.RequestSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The back office's first page: the latest requests received. */
@Named
@RequestScoped
public class LatestRequests {

    @EJB
    private RequestQueries queries;
    private List<RequestSummary> rows;

    public List<RequestSummary> getRows() {
        if (rows == null) {
            rows = queries.latest(50);
        }
        return rows;
    }
}
