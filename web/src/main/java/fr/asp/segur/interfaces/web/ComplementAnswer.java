package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.instruction.ComplementCorrections;
import fr.asp.segur.application.instruction.ComplementService;
import fr.asp.segur.application.instruction.ComplementView;
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
 * The supplier's answer to a request for complements, from the emailed link (its "jeton") or from the
 * supplier's space ("numero", /espace/complements.xhtml). Uploads are stored at once under a draft
 * token, as in the wizard; corrected fields are sent as typed; the service decides everything.
 */
@Named
@ViewScoped
public class ComplementAnswer implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private ComplementService complements;
    @EJB
    private DocumentService documents;

    private String token;
    /** Set when the page is reached from the supplier's space (?numero=), instead of the emailed link. */
    private String requestNumber;
    private final ComplementCorrections corrections = new ComplementCorrections();
    private ComplementView view;
    private String unusableMessage;
    private final String draftToken;
    private final Map<DocumentKind, String> fileNames = new EnumMap<>(DocumentKind.class);
    private String reply;
    private boolean done;

    public ComplementAnswer() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        draftToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Read at view build time (the upload fields depend on it), from the link's parameter, or from the
     * request number when a logged-in supplier comes from their space.
     */
    public ComplementView getView() {
        if (view == null && unusableMessage == null) {
            Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
            token = params.get("jeton");
            requestNumber = token == null ? params.get("numero") : null;
            try {
                view = requestNumber != null ? complements.openMine(requestNumber) : complements.open(token);
            } catch (BusinessRuleException e) {
                unusableMessage = e.getMessage();
            } catch (EJBAccessException e) {
                unusableMessage = ComplementService.NOTHING_TO_ANSWER;
            }
        }
        return view;
    }

    /** Whether the page was reached from the supplier's space. */
    public boolean isFromSpace() {
        getView();
        return requestNumber != null;
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
            if (requestNumber != null) {
                complements.answerMine(requestNumber, draftToken, reply, corrections);
            } else {
                complements.answer(token, draftToken, reply, corrections);
            }
            done = true;
        } catch (BusinessRuleException e) {
            error(e);
        }
    }

    private static void error(BusinessRuleException e) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (FieldError error : e.errors()) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), error.message()));
        }
    }

    public String fileName(String kind) { return fileNames.get(DocumentKind.valueOf(kind)); }
    public String getUnusableMessage() { return unusableMessage; }
    public ComplementCorrections getCorrections() { return corrections; }
    public String getRequestNumber() { return requestNumber; }
    public String getReply() { return reply; }
    public void setReply(String reply) { this.reply = reply; }
    public boolean isDone() { return done; }
}
