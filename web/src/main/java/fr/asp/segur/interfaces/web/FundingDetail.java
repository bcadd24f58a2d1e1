package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.funding.FundingService;
import fr.asp.segur.application.funding.SupplierFunding;
import fr.asp.segur.domain.enrolment.DocumentKind;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;

/**
 * One of the supplier's funding requests (/espace/demande-financement.xhtml?numero=): amounts, history,
 * documents, and "Demande de solde" when its state and the call's deadline allow it. Another company's
 * number shows the same as a missing one.
 */
@Named
@ViewScoped
public class FundingDetail implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String FORM = "solde";

    @EJB
    private FundingService funding;

    private final String draftToken;
    private final Map<String, String> fileNames = new HashMap<>();
    private String number;
    private SupplierFunding request;
    private String soldeFiled;

    public FundingDetail() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        draftToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Read at view build time (the upload fields depend on it), from ?numero= (kept by the form's postbacks). */
    public void load() {
        if (request == null) {
            if (number == null) {
                number = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("numero");
            }
            if (number != null) {
                request = funding.myRequest(number).orElse(null);
            }
        }
    }

    public void upload(FileUploadEvent event) {
        DocumentKind kind = DocumentKind.valueOf(event.getComponent().getId());
        try (InputStream in = event.getFile().getInputStream()) {
            funding.stage(draftToken, kind, event.getFile().getFileName(), in);
            fileNames.put(kind.name(), event.getFile().getFileName());
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Déposer la demande de solde". */
    public void fileSolde() {
        try {
            soldeFiled = funding.fileSolde(number, draftToken).requestNumber();
            request = funding.myRequest(number).orElse(null);
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of());
        }
    }

    public String fileName(String kind) { return fileNames.get(kind); }
    public SupplierFunding getRequest() {
        load();
        return request;
    }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public boolean isSoldeFiled() { return soldeFiled != null; }
}
