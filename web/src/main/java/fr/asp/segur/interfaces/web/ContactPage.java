package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.support.ContactForm;
import fr.asp.segur.application.support.SupportService;
import fr.asp.segur.domain.support.Couloir;
import fr.asp.segur.domain.support.SupportPhase;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * "Contacter l'assistance" (contact.xhtml): holds what was typed and the captcha challenge; SupportService
 * judges everything. Offers the captcha template's contract (captchaId, captchaQuestion, renewCaptcha,
 * captchaAnswers), so that the wizard's captcha.xhtml is included as is.
 */
@Named("contact")
@ViewScoped
public class ContactPage extends CaptchaSlots {

    private static final long serialVersionUID = 1L;
    static final String CAPTCHA = "captcha";

    @EJB
    private SupportService support;
    @EJB
    private CaptchaService captcha;

    private final ContactForm form = new ContactForm();
    private String ticketNumber;

    public void send() {
        form.setCaptchaId(issuedCaptcha(CAPTCHA));
        form.setCaptchaAnswer(typedCaptcha(CAPTCHA));
        try {
            ticketNumber = support.submit(form);
        } catch (BusinessRuleException e) {
            FormMessages.show("contact", e, Map.of());
        } finally {
            renewCaptcha(CAPTCHA);
        }
    }

    public List<Couloir> getCouloirs() {
        return List.of(Couloir.values());
    }

    public List<SupportPhase> getPhases() {
        return List.of(SupportPhase.values());
    }

    public ContactForm getForm() { return form; }
    public String getTicketNumber() { return ticketNumber; }

    /** The captcha slots' issuer (see {@link CaptchaSlots}). */
    @Override
    protected CaptchaService captchaService() {
        return captcha;
    }
}
