package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.instruction.InstructionService;
import fr.asp.segur.application.instruction.RequestDetail;
import fr.asp.segur.application.instruction.RequestQueries;
import fr.asp.segur.domain.account.Role;
import fr.asp.segur.domain.enrolment.CorrectableField;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.RequestStatus;
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
 * The back office's detail screen of one request (backoffice/demande.xhtml?numero=ENR…). It shows what
 * {@link RequestQueries#detail} read and offers the decisions the request's state allows; each decision is
 * sent to {@link InstructionService} with the version this page loaded, so that an agent never decides on
 * a state they have not seen. Whatever happens, the request is read again afterwards.
 */
@Named("requestDetail")
@ViewScoped
public class RequestDetailView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORBIDDEN = "Vous n'avez pas le droit d'effectuer cette action.";

    @EJB
    private RequestQueries queries;
    @EJB
    private InstructionService instruction;

    private String number;
    private RequestDetail detail;
    private RequestDetail.DocumentItem shownDocument;
    private String complementsMessage;
    /** An array, not a list: Faces converts each checked value to the array's element type. */
    private DocumentKind[] complementsDocuments = new DocumentKind[0];
    private CorrectableField[] complementsFields = new CorrectableField[0];
    private String rejectMotivation;
    private String reopenMotivation;
    private String agentLogin;

    /** The page's view action: reads the request named by {@code ?numero=}. */
    public void load() {
        reload();
    }

    private void reload() {
        try {
            detail = queries.detail(number);
        } catch (BusinessRuleException e) {
            detail = null;
            shownDocument = null;
            errors(e);
        }
    }

    // ---- what the current state allows ------------------------------------------------------------

    private RequestStatus status() {
        return detail == null ? null : RequestStatus.valueOf(detail.getStatus());
    }

    private static boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    /** Agents and supervisors decide; an administrator only reads. */
    public boolean isInstructor() {
        return inRole(Role.AGENT_ROLE) || inRole(Role.SUPERVISEUR_ROLE);
    }

    public boolean isSupervisor() {
        return inRole(Role.SUPERVISEUR_ROLE);
    }

    public boolean isCanTake() {
        return isInstructor() && status() == RequestStatus.SOUMISE;
    }

    public boolean isCanAskForComplements() {
        return isInstructor() && status() == RequestStatus.EN_INSTRUCTION;
    }

    public boolean isCanValidate() {
        return isInstructor() && status() == RequestStatus.EN_INSTRUCTION;
    }

    public boolean isCanReject() {
        return isInstructor() && status() == RequestStatus.EN_INSTRUCTION;
    }

    public boolean isCanResume() {
        return isInstructor() && status() == RequestStatus.COMPLEMENTS_DEMANDES;
    }

    public boolean isCanReassign() {
        return isSupervisor() && status() != null && !status().isFinal();
    }

    public boolean isCanReopen() {
        return isSupervisor() && (status() == RequestStatus.REJETEE || status() == RequestStatus.CLASSEE_SANS_SUITE);
    }

    public boolean isAnyAction() {
        return isCanTake() || isCanAskForComplements() || isCanValidate() || isCanReject() || isCanResume()
                || isCanReassign() || isCanReopen();
    }

    // ---- decisions ----------------------------------------------------------------------------------

    /** "Prendre la demande". */
    public void take() {
        act(() -> instruction.take(detail.getRequestNumber(), detail.getVersion()),
                "Vous avez pris la demande en charge : elle est en instruction.");
    }

    /** "Demander des compléments": the message says what to provide or correct. */
    public void askForComplements() {
        act(() -> instruction.askForComplements(detail.getRequestNumber(), detail.getVersion(), complementsMessage,
                        asked(), askedFields()),
                "Les compléments ont été demandés au fournisseur.");
    }

    /** "Reprendre l'instruction" once the complements are received. */
    public void resume() {
        act(() -> instruction.resumeAfterComplements(detail.getRequestNumber(), detail.getVersion()),
                "L'instruction de la demande a repris.");
    }

    public void validate() {
        act(() -> instruction.validate(detail.getRequestNumber(), detail.getVersion()),
                "La demande a été validée. Le fournisseur en est informé par courriel.");
    }

    public void reject() {
        act(() -> instruction.reject(detail.getRequestNumber(), detail.getVersion(), rejectMotivation),
                "La demande a été rejetée. Le fournisseur en est informé par courriel.");
    }

    /** "Réattribuer" (supervisor). */
    public void reassign() {
        act(() -> instruction.reassign(detail.getRequestNumber(), detail.getVersion(), agentLogin),
                "La demande a été réattribuée.");
    }

    /** "Rouvrir" a rejected or closed request (supervisor). */
    public void reopen() {
        act(() -> instruction.reopen(detail.getRequestNumber(), detail.getVersion(), reopenMotivation),
                "La demande a été rouverte : elle est de nouveau en instruction.");
    }

    private interface Decision {
        void run();
    }

    /**
     * Runs a decision, then reads the request again. A refusal shows its message; when the request did not
     * change meanwhile, the request is marked as failed validation so that the dialog that asked for the
     * decision stays open with what was typed. When it did change, the dialog closes: the agent must look at
     * the new state before deciding again.
     */
    private void act(Decision decision, String done) {
        if (detail == null) {
            return;
        }
        long seen = detail.getVersion();
        try {
            decision.run();
        } catch (BusinessRuleException e) {
            reload();
            errors(e);
            if (detail != null && detail.getVersion() == seen) {
                FacesContext.getCurrentInstance().validationFailed();
            }
            return;
        } catch (EJBAccessException e) {
            reload();
            error(FORBIDDEN);
            return;
        }
        complementsMessage = null;
        complementsDocuments = new DocumentKind[0];
        complementsFields = new CorrectableField[0];
        rejectMotivation = null;
        reopenMotivation = null;
        agentLogin = null;
        reload();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, done));
    }

    // ---- documents ----------------------------------------------------------------------------------

    /** "Consulter": the document shown in the viewer (its bytes are fetched, and the view audited, by the servlet). */
    public void showDocument(long documentId) {
        shownDocument = detail == null ? null : detail.getDocuments().stream()
                .filter(d -> d.getId() == documentId).findFirst().orElse(null);
    }

    public void hideDocument() {
        shownDocument = null;
    }

    // ---- messages -----------------------------------------------------------------------------------

    private static void errors(BusinessRuleException e) {
        for (FieldError error : e.errors()) {
            error(error.message());
        }
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    // ---- state for the page -------------------------------------------------------------------------

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public RequestDetail getDetail() { return detail; }
    public RequestDetail.DocumentItem getShownDocument() { return shownDocument; }
    public DocumentKind[] getComplementsDocuments() { return complementsDocuments; }
    public void setComplementsDocuments(DocumentKind[] kinds) { this.complementsDocuments = kinds; }

    private Set<DocumentKind> asked() {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        kinds.addAll(Arrays.asList(complementsDocuments == null ? new DocumentKind[0] : complementsDocuments));
        return kinds;
    }

    private Set<CorrectableField> askedFields() {
        Set<CorrectableField> fields = EnumSet.noneOf(CorrectableField.class);
        fields.addAll(Arrays.asList(complementsFields == null ? new CorrectableField[0] : complementsFields));
        return fields;
    }

    public CorrectableField[] getComplementsFields() { return complementsFields; }
    public void setComplementsFields(CorrectableField[] fields) { this.complementsFields = fields; }

    /** The entered values an agent may ask the supplier to correct. */
    public List<CorrectableField> getCorrectableFields() { return List.of(CorrectableField.values()); }

    /** The documents an agent may ask for again: those of the wizard, by kind. */
    public List<DocumentKind> getDocumentKinds() { return List.of(DocumentKind.values()); }

    public String getComplementsMessage() { return complementsMessage; }
    public void setComplementsMessage(String complementsMessage) { this.complementsMessage = complementsMessage; }
    public String getRejectMotivation() { return rejectMotivation; }
    public void setRejectMotivation(String rejectMotivation) { this.rejectMotivation = rejectMotivation; }
    public String getReopenMotivation() { return reopenMotivation; }
    public void setReopenMotivation(String reopenMotivation) { this.reopenMotivation = reopenMotivation; }
    public String getAgentLogin() { return agentLogin; }
    public void setAgentLogin(String agentLogin) { this.agentLogin = agentLogin; }
}
