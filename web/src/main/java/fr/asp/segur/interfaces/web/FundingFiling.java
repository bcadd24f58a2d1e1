package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.funding.FiledFunding;
import fr.asp.segur.application.funding.FundingCallView;
import fr.asp.segur.application.funding.FundingQuote;
import fr.asp.segur.application.funding.FundingRequestForm;
import fr.asp.segur.application.funding.FundingService;
import fr.asp.segur.application.funding.FundingService.FundableEnrolment;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.funding.Amount;
import fr.asp.segur.domain.funding.FundingClient;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.event.FileUploadEvent;

/**
 * "Nouvelle demande de financement" (/espace/financement.xhtml): the supplier types the request, sees the
 * amounts computed by the service, confirms, and gets the number. Every rule is FundingService's; the
 * order form is stored at once under the page's draft token, as in the wizard.
 */
@Named
@ViewScoped
public class FundingFiling implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String FORM = "financement";

    @EJB
    private FundingService funding;

    private final String draftToken;
    private transient List<FundableEnrolment> enrolments;
    private Long enrolmentId;
    private String callCode;
    private String clientIdentifier;
    private String clientName;
    private String ceilingTranche;
    private String orderSignedOn;
    private String orderAmountHt;
    private String orderFormName;
    private String lookUpResult;
    private FundingQuote quote;
    private FiledFunding filed;
    private boolean initialised;

    public FundingFiling() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        draftToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The enrolment (?enrolement=) and call (?appel=) chosen in the space, or the only ones there are. */
    public void init() {
        if (initialised || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        initialised = true;
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        List<FundableEnrolment> mine = getEnrolments();
        String wanted = params.get("enrolement");
        mine.stream().filter(e -> String.valueOf(e.id()).equals(wanted)).findFirst()
                .or(() -> mine.size() == 1 ? Optional.of(mine.get(0)) : Optional.empty())
                .ifPresent(e -> enrolmentId = e.id());
        List<FundingCallView> calls = getCalls();
        String call = params.get("appel");
        calls.stream().filter(c -> c.code().equals(call)).findFirst()
                .or(() -> calls.size() == 1 ? Optional.of(calls.get(0)) : Optional.empty())
                .ifPresent(c -> callCode = c.code());
    }

    public List<FundableEnrolment> getEnrolments() {
        if (enrolments == null) {
            enrolments = funding.fundableEnrolments();
        }
        return enrolments;
    }

    /** The calls open now for the chosen enrolment's software. */
    public List<FundingCallView> getCalls() {
        return getEnrolments().stream().filter(e -> e.id().equals(enrolmentId)).findFirst()
                .map(FundableEnrolment::openCalls).orElse(List.of());
    }

    /** The chosen call, or null. */
    public FundingCallView getCall() {
        return getCalls().stream().filter(c -> c.code().equals(callCode)).findFirst().orElse(null);
    }

    public boolean isCeilingTable() {
        FundingCallView call = getCall();
        return call != null && call.ceilings().size() > 0 && call.ceilings().get(0).tranche() != null;
    }

    /** A line of the call's ceiling table, e.g. "1 à 2 modalités (plafond 4 500,00 € HT)". */
    public String trancheLabel(FundingCallView.Ceiling tranche) {
        return tranche.tranche() + " (plafond " + new Amount(tranche.amountHt()).formatted() + " HT)";
    }

    /** The enrolment or call changed: what was computed for the previous one no longer holds. */
    public void choiceChanged() {
        lookUpResult = null;
        if (getCall() == null) {
            callCode = getCalls().size() == 1 ? getCalls().get(0).code() : null;
        }
    }

    /** "Rechercher": the client's name from its referential, when it knows the identifier. */
    public void lookUp() {
        try {
            Optional<FundingClient> client = funding.lookUpClient(callCode, clientIdentifier);
            if (client.isPresent()) {
                clientName = client.get().name();
                lookUpResult = "Client trouvé dans le référentiel : " + client.get().name() + ".";
            } else {
                lookUpResult = "Ce client est inconnu du référentiel : saisissez son nom. La demande sera acceptée et "
                        + "vérifiée par le service gestion.";
            }
        } catch (BusinessRuleException e) {
            lookUpResult = null;
            FormMessages.show(FORM, e, Map.of());
        }
    }

    public void upload(FileUploadEvent event) {
        try (InputStream in = event.getFile().getInputStream()) {
            funding.stage(draftToken, DocumentKind.BON_DE_COMMANDE, event.getFile().getFileName(), in);
            orderFormName = event.getFile().getFileName();
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Continuer": every rule checked, then the amounts shown. */
    public void next() {
        List<FieldError> errors = funding.check(form(), draftToken);
        if (!errors.isEmpty()) {
            FormMessages.show(FORM, new BusinessRuleException(errors), Map.of());
            return;
        }
        try {
            quote = funding.quote(form());
        } catch (BusinessRuleException e) {
            FormMessages.show(FORM, e, Map.of());
        }
    }

    /** "Modifier": back to the form, as typed. */
    public void back() {
        quote = null;
    }

    /** "Confirmer": the request is filed and numbered. */
    public void confirm() {
        try {
            filed = funding.file(form(), draftToken);
            quote = null;
        } catch (BusinessRuleException e) {
            quote = null;
            FormMessages.show(FORM, e, Map.of());
        }
    }

    private FundingRequestForm form() {
        return new FundingRequestForm(callCode, enrolmentId, clientIdentifier, clientName,
                isCeilingTable() ? ceilingTranche : null, orderSignedOn, orderAmountHt);
    }

    public boolean isConfirming() { return quote != null && filed == null; }
    public boolean isDone() { return filed != null; }
    public FundingQuote getQuote() { return quote; }
    public FiledFunding getFiled() { return filed; }
    public String getOrderFormName() { return orderFormName; }
    public String getLookUpResult() { return lookUpResult; }
    public Long getEnrolmentId() { return enrolmentId; }
    public void setEnrolmentId(Long enrolmentId) { this.enrolmentId = enrolmentId; }
    public String getCallCode() { return callCode; }
    public void setCallCode(String callCode) { this.callCode = callCode; }
    public String getClientIdentifier() { return clientIdentifier; }
    public void setClientIdentifier(String clientIdentifier) { this.clientIdentifier = clientIdentifier; }
    public String getClientName() { return clientName; }
    public void setClientName(String clientName) { this.clientName = clientName; }
    public String getCeilingTranche() { return ceilingTranche; }
    public void setCeilingTranche(String ceilingTranche) { this.ceilingTranche = ceilingTranche; }
    public String getOrderSignedOn() { return orderSignedOn; }
    public void setOrderSignedOn(String orderSignedOn) { this.orderSignedOn = orderSignedOn; }
    public String getOrderAmountHt() { return orderAmountHt; }
    public void setOrderAmountHt(String orderAmountHt) { this.orderAmountHt = orderAmountHt; }
}
