package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.support.ContactForm;
import fr.asp.segur.application.support.SupportService;
import fr.asp.segur.domain.captcha.CaptchaChallenge;
import fr.asp.segur.domain.support.Couloir;
import fr.asp.segur.domain.support.SupportPhase;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Contacter l'assistance" (contact.xhtml): holds what was typed and the captcha challenge; SupportService
 * judges everything. Offers the captcha template's contract (captchaId, captchaQuestion, renewCaptcha,
 * captchaAnswers), so that the wizard's captcha.xhtml is included as is.
 */
@Named("contact")
@ViewScoped
public class ContactPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CAPTCHA = "captcha";

    @EJB
    private SupportService support;
    @EJB
    private CaptchaService captcha;

    private final ContactForm form = new ContactForm();
    private final Map<String, String> captchaIds = new HashMap<>(2);
    private final Map<String, String> captchaQuestions = new HashMap<>(2);
    private final Map<String, String> captchaAnswers = new HashMap<>(2);
    private String ticketNumber;

    public void send() {
        form.setCaptchaId(captchaIds.get(CAPTCHA));
        form.setCaptchaAnswer(captchaAnswers.get(CAPTCHA));
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

    // ---- captcha (the contract of WEB-INF/templates/captcha.xhtml) ----------------------------------------

    public String captchaId(String slot) {
        if (!captchaIds.containsKey(slot)) {
            renewCaptcha(slot);
        }
        return captchaIds.get(slot);
    }

    public String captchaQuestion(String slot) {
        captchaId(slot);
        return captchaQuestions.get(slot);
    }

    public void renewCaptcha(String slot) {
        CaptchaChallenge challenge = captcha.issue();
        captchaIds.put(slot, challenge.getId());
        captchaQuestions.put(slot, challenge.getQuestion());
        captchaAnswers.remove(slot);
    }

    public Map<String, String> getCaptchaAnswers() {
        return captchaAnswers;
    }

    public ContactForm getForm() { return form; }
    public String getTicketNumber() { return ticketNumber; }
}
