package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.ApplicantCompany;
import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.enrolment.SoftwareSummary;
import fr.asp.segur.domain.enrolment.Document;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.TiersQuality;
import fr.asp.segur.domain.referential.StreetTypes;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.event.FlowEvent;

/**
 * The enrolment wizard's state for one browser tab. It holds what was typed and the names of the
 * uploaded files, never their bytes (they are stored at once under {@link #draftToken}), and asks
 * the enrolment service for every decision: the page itself enforces no rule.
 */
@Named("wizard")
@ViewScoped
public class EnrolmentWizard extends CaptchaSlots {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String COMPANY_CAPTCHA = "companyCaptcha";
    static final String FINAL_CAPTCHA = "finalCaptcha";

    @EJB
    private EnrolmentService enrolment;
    @EJB
    private DocumentService documents;
    @EJB
    private CaptchaService captcha;

    private final EnrolmentForm form = new EnrolmentForm();
    private String draftToken;
    private String step = "logiciel";
    private SoftwareSummary software;
    private ApplicantCompany company;
    private final Map<DocumentKind, String> fileNames = new EnumMap<>(DocumentKind.class);
    private Set<DocumentKind> requiredDocuments = EnumSet.noneOf(DocumentKind.class);
    private String domiciliation;
    private String requestNumber;

    @PostConstruct
    void init() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        draftToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- navigation -------------------------------------------------------------------------------

    public String onFlowProcess(FlowEvent event) {
        String from = event.getOldStep();
        String to = event.getNewStep();
        if (order(to) > order(from)) {
            try {
                checkStep(from);
            } catch (BusinessRuleException e) {
                show(e, null);
                return from;
            }
        }
        step = to;
        PrimeFaces.current().ajax().update("enrolment:nav");
        return to;
    }

    private void checkStep(String current) {
        switch (current) {
            case "logiciel" -> {
                if (software == null) {
                    throw new BusinessRuleException("referencingNumber",
                            "Saisissez le N° unique de référencement (ANS) puis cliquez sur « Rechercher ».");
                }
                enrolment.checkSoftwareStep(form, draftToken);
            }
            case "demandeur" -> {
                if (company == null) {
                    throw new BusinessRuleException("siret",
                            "Saisissez le numéro de SIRET, cochez « Je ne suis pas un robot » puis cliquez sur « Rechercher ».");
                }
                enrolment.checkApplicantStep(form, draftToken);
            }
            case "banque" -> {
                refreshDomiciliation();
                enrolment.checkBankStep(form, draftToken);
            }
            default -> { }
        }
    }

    private static int order(String step) {
        return List.of("logiciel", "demandeur", "banque", "confirmation").indexOf(step);
    }

    // ---- 1 - Logiciel -------------------------------------------------------------------------------

    public void searchSoftware() {
        try {
            software = enrolment.findSoftware(form.getReferencingNumber());
            form.setReferencingNumber(software.referencingNumber());
            refreshRequirements();
        } catch (BusinessRuleException e) {
            show(e, null);
        }
    }

    public void resetSoftware() {
        software = null;
        form.setReferencingNumber(null);
        forget(DocumentKind.CERTIFICAT_REFERENCEMENT);
    }

    // ---- 2 - Demandeur ------------------------------------------------------------------------------

    public void searchCompany() {
        try {
            company = enrolment.findCompany(form.getSiret(), form.getReferencingNumber(),
                    issuedCaptcha(COMPANY_CAPTCHA), typedCaptcha(COMPANY_CAPTCHA));
            form.setSiret(company.siret());
            form.setDenomination(company.legalName());
            form.setCommercialName(company.commercialName());
            form.setStreetExtension(company.streetExtension());
            form.setAddressComplement(company.addressComplement());
            form.setStreetNumber(company.streetNumber());
            form.setStreetType(company.streetType());
            form.setStreetName(company.streetName());
            form.setPostalCode(company.postalCode());
            form.setCity(company.city());
            refreshRequirements();
        } catch (BusinessRuleException e) {
            show(e, COMPANY_CAPTCHA);
        } finally {
            renewCaptcha(COMPANY_CAPTCHA);
        }
    }

    public void resetCompany() {
        company = null;
        form.setSiret(null);
        form.setDenomination(null);
        form.setCommercialName(null);
        form.setStreetExtension(null);
        form.setAddressComplement(null);
        form.setStreetNumber(null);
        form.setStreetType(null);
        form.setStreetName(null);
        form.setPostalCode(null);
        form.setCity(null);
        forget(DocumentKind.KBIS);
        forget(DocumentKind.MANDAT_EDITEUR);
        renewCaptcha(COMPANY_CAPTCHA);
    }

    public void refreshRequirements() {
        requiredDocuments = enrolment.requiredDocuments(form);
    }

    public boolean required(String kind) {
        return requiredDocuments.contains(DocumentKind.valueOf(kind));
    }

    public List<TiersQuality> getTiersQualities() {
        return List.of(TiersQuality.values());
    }

    /** SIRENE's street type codes and their labels, for a company SIRENE does not know yet. */
    public Map<String, String> getStreetTypes() {
        Map<String, String> labelToCode = new LinkedHashMap<>();
        for (String code : StreetTypes.codes()) {
            labelToCode.put(StreetTypes.label(code), code);
        }
        return labelToCode;
    }

    /** The SIRET is valid but the local SIRENE referential does not know it yet: the supplier types the company. */
    public boolean isCompanyUnverified() {
        return company != null && !company.verified();
    }

    public String getStreetTypeLabel() {
        return company == null ? null : StreetTypes.label(form.getStreetType());
    }

    // ---- documents ----------------------------------------------------------------------------------

    /** The upload component's id is the document kind. */
    public void upload(FileUploadEvent event) {
        UIComponent component = event.getComponent();
        DocumentKind kind = DocumentKind.valueOf(component.getId());
        try (InputStream in = event.getFile().getInputStream()) {
            Document stored = documents.stage(draftToken, kind, event.getFile().getFileName(), in);
            fileNames.put(kind, stored.getFileName());
        } catch (BusinessRuleException e) {
            FacesContext context = FacesContext.getCurrentInstance();
            for (FieldError error : e.errors()) {
                context.addMessage(component.getClientId(context), message(kind.label() + " : " + error.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String fileName(String kind) {
        return fileNames.get(DocumentKind.valueOf(kind));
    }

    private void forget(DocumentKind kind) {
        if (fileNames.remove(kind) != null) {
            documents.discard(draftToken, kind);
        }
    }

    // ---- 3 - Coordonnées bancaires ------------------------------------------------------------------

    public void refreshDomiciliation() {
        domiciliation = enrolment.domiciliation(form.getIban(), form.getBic()).orElse(null);
    }

    public boolean isDomiciliationFound() {
        return domiciliation != null;
    }

    public String getDomiciliationValue() {
        return domiciliation != null ? domiciliation : form.getDomiciliation();
    }

    public void setDomiciliationValue(String value) {
        if (domiciliation == null) {
            form.setDomiciliation(value);
        }
    }

    // ---- 4 - Confirmation ---------------------------------------------------------------------------

    /**
     * "Terminer": once the request is stored, the wizard has nothing left to do, so it lets go of what it
     * held (see {@link #release}) and the browser is sent to the confirmation page, which keeps nothing.
     */
    public String finish() {
        form.setCaptchaId(issuedCaptcha(FINAL_CAPTCHA));
        form.setCaptchaAnswer(typedCaptcha(FINAL_CAPTCHA));
        try {
            requestNumber = enrolment.submit(form, draftToken).value();
        } catch (BusinessRuleException e) {
            show(e, FINAL_CAPTCHA);
            renewCaptcha(FINAL_CAPTCHA);
            return null;
        }
        release();
        // The only thing a finished enrolment keeps: this browser may download its récapitulatif (a new,
        // nearly empty session when the wizard's own was invalidated).
        ReceiptServlet.rememberSubmission((HttpSession) FacesContext.getCurrentInstance().getExternalContext()
                .getSession(true), requestNumber);
        return "enrolement-terminee?faces-redirect=true&numero=" + requestNumber;
    }

    /**
     * A finished wizard kept about 141 KB per session for 30 minutes (its view states and this bean:
     * docs/PERFORMANCE.md, "Heap per session"). An anonymous supplier's session holds nothing else, so it
     * is invalidated; a logged-in user's session is kept, and only this wizard's view-scoped beans go.
     */
    private void release() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.getExternalContext().getUserPrincipal() == null) {
            context.getExternalContext().invalidateSession();
        } else {
            context.getViewRoot().getViewMap().clear();
        }
    }

    /** "Quitter sans enregistrer", once confirmed: nothing typed or uploaded is kept. */
    public String quit() {
        documents.discardDraft(draftToken);
        return "index?faces-redirect=true";
    }

    // ---- messages -----------------------------------------------------------------------------------

    /**
     * Shows each broken rule in the summary and beside its field, and marks the field invalid. The rules run
     * after the model update, when an input no longer holds what was typed: an invalid input without a
     * submitted value renders empty, so the text is given back to it, and the supplier sees what to correct.
     * A refused captcha is not given back: a new code replaces it.
     */
    private void show(BusinessRuleException e, String captchaSlot) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (FieldError error : e.errors()) {
            boolean isCaptcha = "captcha".equals(error.field());
            String field = isCaptcha && captchaSlot != null ? captchaSlot : error.field();
            UIComponent component = context.getViewRoot().findComponent("enrolment:" + field);
            if (component instanceof UIInput input) {
                if (!isCaptcha && input.getValue() instanceof String typed) {
                    input.setSubmittedValue(typed);
                }
                input.setValid(false);
            }
            context.addMessage(component == null ? null : component.getClientId(context), message(error.message()));
        }
        context.validationFailed();
    }

    private static FacesMessage message(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }

    // ---- state for the page -------------------------------------------------------------------------

    public EnrolmentForm getForm() { return form; }
    public String getStep() { return step; }
    public SoftwareSummary getSoftware() { return software; }
    public ApplicantCompany getCompany() { return company; }
    public String getRequestNumber() { return requestNumber; }

    /** The captcha slots' issuer (see {@link CaptchaSlots}). */
    @Override
    protected CaptchaService captchaService() {
        return captcha;
    }
}
