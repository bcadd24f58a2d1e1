package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.funding.FundingService;
import fr.asp.segur.application.funding.FundingService.FundableEnrolment;
import fr.asp.segur.application.funding.SupplierFunding;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The funding part of a supplier's space: what they may file, and their requests (list, filters). */
@Named
@RequestScoped
public class FundingSpace {

    @EJB
    private FundingService funding;
    private List<FundableEnrolment> fundable;
    private List<SupplierFunding> requests;
    private String callFilter;
    private String statusFilter;

    /** Validated enrolments whose software's DSR has calls open now: "Nouvelle demande de financement". */
    public List<FundableEnrolment> getFundable() {
        if (fundable == null) {
            fundable = funding.fundableEnrolments();
        }
        return fundable;
    }

    /** The account's requests, filtered by the list's call and state (?appel=, ?etat=). */
    public List<SupplierFunding> getRequests() {
        if (requests == null) {
            String status = statusFilter == null || statusFilter.isBlank() ? null
                    : java.util.Arrays.stream(fr.asp.segur.domain.funding.FundingStatus.values())
                    .filter(s -> s.name().equals(statusFilter)).findFirst().map(Enum::name).orElse(null);
            requests = funding.myRequests(callFilter, status);
        }
        return requests;
    }

    public List<String> getCalls() {
        return funding.myCalls();
    }

    public List<fr.asp.segur.domain.funding.FundingStatus> getStatuses() {
        return List.of(fr.asp.segur.domain.funding.FundingStatus.values());
    }

    public String getCallFilter() { return callFilter; }
    public void setCallFilter(String callFilter) { this.callFilter = callFilter; }
    public String getStatusFilter() { return statusFilter; }
    public void setStatusFilter(String statusFilter) { this.statusFilter = statusFilter; }
}
