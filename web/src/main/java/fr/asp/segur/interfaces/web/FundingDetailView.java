package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.funding.FundingDetail;
import fr.asp.segur.application.funding.FundingInstruction;
import fr.asp.segur.application.funding.FundingQueries;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The back office's detail of one funding request (backoffice/financement.xhtml?numero=DF…): what
 * {@link FundingQueries#detail} read, and the decisions its state allows, each sent to
 * {@link FundingInstruction} with the version this page loaded. The request is read again afterwards.
 */
@Named("agentFundingDetail")
@ViewScoped
public class FundingDetailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FundingQueries queries;
    @EJB
    private FundingInstruction instruction;

    private String number;
    private FundingDetail detail;
    private String complementsMessage;
    private DocumentKind[] complementsDocuments = new DocumentKind[0];
    private String rejectMotivation;

    public void load() {
        reload();
    }

    private void reload() {
        try {
            detail = queries.detail(number);
        } catch (BusinessRuleException e) {
            detail = null;
            errors(e);
        }
    }

    public boolean isInstructor() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getExternalContext().isUserInRole(Role.AGENT_ROLE)
                || faces.getExternalContext().isUserInRole(Role.SUPERVISEUR_ROLE);
    }

    public boolean isCanTake() { return isInstructor() && detail != null && detail.canTake(); }
    public boolean isCanAskComplements() { return isInstructor() && detail != null && detail.canAskComplements(); }
    public boolean isCanValidate() { return isInstructor() && detail != null && detail.canValidate(); }
    public boolean isCanReject() { return isInstructor() && detail != null && detail.canReject(); }

    public void take() {
        act(() -> instruction.take(detail.requestNumber(), detail.version()),
                "Vous avez pris la demande en charge : elle est en instruction.");
    }

    public void askForComplements() {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        kinds.addAll(Arrays.asList(complementsDocuments == null ? new DocumentKind[0] : complementsDocuments));
        act(() -> instruction.askForComplements(detail.requestNumber(), detail.version(), complementsMessage, kinds),
                "Les compléments ont été demandés au fournisseur, qui en est informé par courriel.");
    }

    public void validate() {
        act(() -> instruction.validate(detail.requestNumber(), detail.version()),
                "La demande a été validée. Le fournisseur en est informé par courriel.");
    }

    public void reject() {
        act(() -> instruction.reject(detail.requestNumber(), detail.version(), rejectMotivation),
                "La demande a été rejetée. Le fournisseur en est informé par courriel.");
    }

    private void act(Runnable decision, String done) {
        if (detail == null) {
            return;
        }
        try {
            decision.run();
        } catch (BusinessRuleException e) {
            reload();
            errors(e);
            return;
        } catch (EJBAccessException e) {
            reload();
            error(RequestDetailView.FORBIDDEN);
            return;
        }
        complementsMessage = null;
        complementsDocuments = new DocumentKind[0];
        rejectMotivation = null;
        reload();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, done));
    }

    private static void errors(BusinessRuleException e) {
        e.errors().stream().map(FieldError::message).forEach(FundingDetailView::error);
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public FundingDetail getDetail() { return detail; }
    public String getComplementsMessage() { return complementsMessage; }
    public void setComplementsMessage(String complementsMessage) { this.complementsMessage = complementsMessage; }
    public DocumentKind[] getComplementsDocuments() { return complementsDocuments; }
    public void setComplementsDocuments(DocumentKind[] kinds) { this.complementsDocuments = kinds; }
    public String getRejectMotivation() { return rejectMotivation; }
    public void setRejectMotivation(String rejectMotivation) { this.rejectMotivation = rejectMotivation; }
    public List<DocumentKind> getDocumentKinds() { return List.of(DocumentKind.BON_DE_COMMANDE, DocumentKind.FACTURE, DocumentKind.VERIFICATION_APTITUDE,
                DocumentKind.MISE_EN_ORDRE_DE_MARCHE); }
}
