package fr.asp.segur.application.funding;

import fr.asp.segur.domain.funding.FundingStatus;
import fr.asp.segur.domain.support.Couloir;
import java.io.Serializable;

/** The agents' search criteria on the funding queue; empty fields do not filter. */
public class FundingFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private String callCode;
    private Couloir couloir;
    private String supplierSiret;
    private String supplierName;
    private FundingStatus status;
    /** Only the requests flagged for agents: client unknown to its referential, or in conflict. */
    private boolean flagged;

    public String getCallCode() { return callCode; }
    public void setCallCode(String callCode) { this.callCode = callCode; }
    public Couloir getCouloir() { return couloir; }
    public void setCouloir(Couloir couloir) { this.couloir = couloir; }
    public String getSupplierSiret() { return supplierSiret; }
    public void setSupplierSiret(String supplierSiret) { this.supplierSiret = supplierSiret; }
    public String getSupplierName() { return supplierName; }
    public void setSupplierName(String supplierName) { this.supplierName = supplierName; }
    public FundingStatus getStatus() { return status; }
    public void setStatus(FundingStatus status) { this.status = status; }
    public boolean isFlagged() { return flagged; }
    public void setFlagged(boolean flagged) { this.flagged = flagged; }
}
