package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.ApplicantCompany;
import fr.asp.segur.application.enrolment.DraftService;
import fr.asp.segur.application.enrolment.DraftState;
import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.enrolment.SoftwareSummary;
import fr.asp.segur.application.enrolment.WizardDraft;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.TiersQuality;
import fr.asp.segur.domain.model.Iban;
import fr.asp.segur.domain.model.InvalidValueException;
import fr.asp.segur.domain.referential.StreetTypes;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.event.FlowEvent;

/**
 * The enrolment wizard of one browser tab. Its state lives in the database, as a draft whose random id is
 * the URL's {@code brouillon} parameter ({@link DraftService}): every round trip saves it, so a refresh, a
 * bookmark, back and forward, another cluster node or a restart find the supplier's work where it was,
 * each tab has its own draft, and finishing one never touches another. This bean only caches the draft
 * for its view and holds the names of the uploaded files, never their bytes (they are stored at once
 * under the draft's document token). It asks the services for every decision: the page enforces no rule.
 */
@Named("wizard")
@ViewScoped
public class EnrolmentWizard extends CaptchaSlots {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String COMPANY_CAPTCHA = "companyCaptcha";
    static final String FINAL_CAPTCHA = "finalCaptcha";

    @EJB
    private EnrolmentService enrolment;
    @EJB
    private DocumentService documents;
    @EJB
    private CaptchaService captcha;
    @EJB
    private DraftService drafts;

    private String draftId;
    /** The draft could not be found (quit, purged, or a mistyped link). */
    private boolean draftMissing;
    private EnrolmentForm form = new EnrolmentForm();
    private String draftToken;
    private String saveEmail;
    private String step = "logiciel";
    private SoftwareSummary software;
    private ApplicantCompany company;
    private final Map<DocumentKind, String> fileNames = new EnumMap<>(DocumentKind.class);
    private Set<DocumentKind> requiredDocuments = EnumSet.noneOf(DocumentKind.class);
    private String domiciliation;
    private String requestNumber;

    /**
     * The page's view action (GET only): a wizard opened without a draft gets a new one and is redirected to
     * its own URL; one opened with a draft's id carries on from the draft's state. The response is never
     * cached, so "back" asks again, and a submitted draft shows its confirmation instead of the old step 4.
     */
    public String open() {
        FacesContext context = FacesContext.getCurrentInstance();
        ((HttpServletResponse) context.getExternalContext().getResponse())
                .setHeader("Cache-Control", "no-store");
        if (draftId == null || draftId.isBlank()) {
            return "enrolement?faces-redirect=true&brouillon=" + drafts.create().id();
        }
        Optional<WizardDraft> found = drafts.find(draftId);
        if (found.isEmpty()) {
            draftMissing = true;
            return null;
        }
        WizardDraft draft = found.get();
        draftToken = draft.documentToken();
        if (draft.submitted()) {
            requestNumber = draft.requestNumber();
            return null;
        }
        OpenWizards.open((HttpSession) context.getExternalContext().getSession(true), draftId);
        DraftState state = draft.state();
        form = state.getForm() == null ? new EnrolmentForm() : state.getForm();
        step = state.getStep() == null ? "logiciel" : state.getStep();
        software = state.getSoftware();
        company = state.getCompany();
        fileNames.clear();
        fileNames.putAll(documents.stagedFileNames(draftToken));
        if (software != null || company != null) {
            refreshRequirements();
        }
        if (form.getIban() != null || form.getBic() != null) {
            domiciliation = enrolment.domiciliation(form.getIban(), form.getBic()).orElse(null);
        }
        return null;
    }

    /** The wizard's state as the draft stores it. */
    private DraftState state() {
        return new DraftState(step, form, software, company);
    }

    /** Saves the draft: after every change the server sees, so that nothing is lost to a refresh. */
    public void saveDraft() {
        if (isEditable()) {
            drafts.save(draftId, state());
        }
    }

    /** The wizard can be filled in: its draft exists and was not submitted. */
    public boolean isEditable() {
        return draftToken != null && !draftMissing && requestNumber == null;
    }

    public boolean isDraftMissing() {
        return draftMissing;
    }

    /** The draft was submitted (the browser came back to it): its number is shown instead of the form. */
    public boolean isSubmitted() {
        return requestNumber != null;
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
        saveDraft();
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
            saveDraft();
        } catch (BusinessRuleException e) {
            show(e, null);
        }
    }

    public void resetSoftware() {
        software = null;
        form.setReferencingNumber(null);
        forget(DocumentKind.CERTIFICAT_REFERENCEMENT);
        saveDraft();
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
            // SIRENE's "complément d'adresse" (CENTRE CIAL LE SAINT PIERRE) is the guide's "Entrée / Bât /
            // Immeuble"; the form's "Complément d'adresse" is left to the supplier.
            form.setEntrance(company.addressComplement());
            form.setAddressComplement(null);
            form.setStreetNumber(company.streetNumber());
            form.setStreetType(company.streetType());
            form.setStreetName(company.streetName());
            form.setPostalCode(company.postalCode());
            form.setCity(company.city());
            refreshRequirements();
            saveDraft();
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
        form.setEntrance(null);
        form.setAddressComplement(null);
        form.setStreetNumber(null);
        form.setStreetType(null);
        form.setStreetName(null);
        form.setPostalCode(null);
        form.setCity(null);
        forget(DocumentKind.KBIS);
        forget(DocumentKind.MANDAT_EDITEUR);
        renewCaptcha(COMPANY_CAPTCHA);
        saveDraft();
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
        FacesContext context = FacesContext.getCurrentInstance();
        try (InputStream in = event.getFile().getInputStream()) {
            fileNames.put(kind, documents.stageFile(draftToken, kind, event.getFile().getFileName(), in));
            saveDraft();
        } catch (BusinessRuleException e) {
            for (FieldError error : e.errors()) {
                context.addMessage(component.getClientId(context),
                        message(kind.label() + " : " + error.message() + keptNotice(kind)));
            }
        } catch (ValidatorException e) {
            // PrimeFaces refuses a name with a path in it ("../", "\") before the document service sees it.
            context.addMessage(component.getClientId(context),
                    message(kind.label() + " : " + UploadMessages.FILE_NAME_WITH_PATH + keptNotice(kind)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a refusal: the file already there, if any, stays (the status line still names it). */
    private String keptNotice(DocumentKind kind) {
        String previous = fileNames.get(kind);
        return previous == null ? "" : " Le fichier déposé précédemment (« " + previous + " ») est conservé.";
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

    /** The recap shows the IBAN as the back office does, "FR76 1313 …"; as typed when it is not valid. */
    public String getFormattedIban() {
        try {
            return form.getIban() == null ? null : Iban.of(form.getIban()).formatted();
        } catch (InvalidValueException e) {
            return form.getIban();
        }
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
     * "Terminer": the draft is submitted and marked so in one transaction (a second "Terminer" on it gets the
     * same number). This view's beans go; the session and its other wizards stay. The browser is sent to
     * the confirmation page, which keeps nothing.
     */
    public String finish() {
        form.setCaptchaId(issuedCaptcha(FINAL_CAPTCHA));
        form.setCaptchaAnswer(typedCaptcha(FINAL_CAPTCHA));
        try {
            requestNumber = drafts.submit(draftId, form);
        } catch (BusinessRuleException e) {
            show(e, FINAL_CAPTCHA);
            renewCaptcha(FINAL_CAPTCHA);
            return null;
        }
        release();
        // The only thing a finished enrolment keeps in the session: this browser may download its récapitulatif.
        ReceiptServlet.rememberSubmission((HttpSession) FacesContext.getCurrentInstance().getExternalContext()
                .getSession(true), requestNumber);
        return "enrolement-terminee?faces-redirect=true&numero=" + requestNumber;
    }

    /**
     * A finished wizard kept about 141 KB per session for 30 minutes (docs/PERFORMANCE.md, "Heap per
     * session"). When no other wizard is open in an anonymous supplier's session, the session holds nothing
     * else and is invalidated; otherwise (another tab, a logged-in user) only this wizard's beans go, and
     * the other wizards carry on.
     */
    private void release() {
        FacesContext context = FacesContext.getCurrentInstance();
        HttpSession session = (HttpSession) context.getExternalContext().getSession(false);
        boolean othersOpen = session != null && !OpenWizards.close(session, draftId);
        if (context.getExternalContext().getUserPrincipal() == null && session != null && !othersOpen) {
            context.getExternalContext().invalidateSession();
        } else {
            context.getViewRoot().getViewMap().clear();
        }
    }

    /**
     * "Enregistrer et reprendre plus tard": the draft, uploads included, is kept for the retention period and
     * a link to resume it is emailed to the address given in the dialog.
     */
    public void saveForLater() {
        try {
            LocalDateTime until = drafts.saveForLater(draftId, state(), saveEmail);
            String text = "Votre demande est enregistrée. Un lien pour la reprendre a été envoyé à " + saveEmail.strip()
                    + " ; il est valable jusqu'au " + FRENCH_DATE.format(until) + ".";
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
            PrimeFaces.current().executeScript("PF('saveDialog').hide()");
        } catch (BusinessRuleException e) {
            show(e, null);
        }
    }

    /** The address the saved draft's link goes to: the filer's, when already typed. */
    public String getSaveEmail() {
        if (saveEmail == null) {
            return Boolean.FALSE.equals(form.getLegalRepresentative()) ? form.getDepositaireEmail()
                    : form.getRepresentativeEmail();
        }
        return saveEmail;
    }

    public int getRetentionDays() {
        return DraftService.retentionDays();
    }

    public void setSaveEmail(String saveEmail) {
        this.saveEmail = saveEmail;
    }

    /** "Quitter sans enregistrer", once confirmed: nothing typed or uploaded is kept. */
    public String quit() {
        drafts.discard(draftId);
        release();
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

    public String getDraftId() { return draftId; }
    public void setDraftId(String draftId) { this.draftId = draftId; }
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
