package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.funding.FundingComplementView;
import fr.asp.segur.application.funding.FundingComplements;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;

/**
 * The supplier's answer to a request for complements on a funding request
 * (/espace/financement-complements.xhtml?numero=DF…&amp;jeton=…): uploads are staged at once under a draft
 * token as in the wizard, then {@link FundingComplements} checks and records the answer.
 */
@Named
@ViewScoped
public class FundingComplementAnswer implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private FundingComplements complements;
    @EJB
    private DocumentService documents;

    private String requestNumber;
    private String token;
    private FundingComplementView view;
    private String unusableMessage;
    private final String draftToken;
    private final Map<DocumentKind, String> fileNames = new EnumMap<>(DocumentKind.class);
    private String reply;
    private boolean done;

    public FundingComplementAnswer() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        draftToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Read at view build time (the upload fields depend on it). */
    public FundingComplementView getView() {
        if (view == null && unusableMessage == null) {
            Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
            requestNumber = params.get("numero");
            token = params.get("jeton");
            try {
                view = complements.open(requestNumber, token);
            } catch (BusinessRuleException e) {
                unusableMessage = e.getMessage();
            } catch (EJBAccessException e) {
                unusableMessage = FundingComplements.NOTHING_TO_ANSWER;
            }
        }
        return view;
    }

    public boolean isUnusable() {
        getView();
        return unusableMessage != null;
    }

    public void upload(FileUploadEvent event) {
        DocumentKind kind = DocumentKind.valueOf(event.getComponent().getId());
        try (InputStream in = event.getFile().getInputStream()) {
            fileNames.put(kind, documents.stageFile(draftToken, kind, event.getFile().getFileName(), in));
        } catch (BusinessRuleException e) {
            error(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send() {
        try {
            complements.answer(requestNumber, token, draftToken, reply);
            done = true;
        } catch (BusinessRuleException e) {
            error(e);
        } catch (EJBAccessException e) {
            String text = FundingComplements.NOTHING_TO_ANSWER;
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }

    private static void error(BusinessRuleException e) {
        for (FieldError error : e.errors()) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), error.message()));
        }
    }

    public String fileName(String kind) { return fileNames.get(DocumentKind.valueOf(kind)); }
    public String getUnusableMessage() { return unusableMessage; }
    public String getReply() { return reply; }
    public void setReply(String reply) { this.reply = reply; }
    public boolean isDone() { return done; }
}
