package fr.asp.segur.application.instruction;

import fr.asp.segur.domain.enrolment.RequestStatus;
import java.io.Serializable;
import java.time.LocalDate;

/** The agents' search criteria on the list of requests; empty fields do not filter. */
public class RequestFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private RequestStatus status;
    private String couloir;
    private String dsr;
    private LocalDate submittedFrom;
    private LocalDate submittedTo;
    private String siret;
    private String company;
    private String requestNumber;
    private String assignedAgent;

    public RequestStatus getStatus() { return status; }
    public void setStatus(RequestStatus status) { this.status = status; }
    public String getCouloir() { return couloir; }
    public void setCouloir(String couloir) { this.couloir = couloir; }
    public String getDsr() { return dsr; }
    public void setDsr(String dsr) { this.dsr = dsr; }
    public LocalDate getSubmittedFrom() { return submittedFrom; }
    public void setSubmittedFrom(LocalDate submittedFrom) { this.submittedFrom = submittedFrom; }
    public LocalDate getSubmittedTo() { return submittedTo; }
    public void setSubmittedTo(LocalDate submittedTo) { this.submittedTo = submittedTo; }
    public String getSiret() { return siret; }
    public void setSiret(String siret) { this.siret = siret; }
    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public String getRequestNumber() { return requestNumber; }
    public void setRequestNumber(String requestNumber) { this.requestNumber = requestNumber; }
    public String getAssignedAgent() { return assignedAgent; }
    public void setAssignedAgent(String assignedAgent) { this.assignedAgent = assignedAgent; }
}
