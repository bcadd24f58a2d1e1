package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.domain.captcha.CaptchaChallenge;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The contract of WEB-INF/templates/captcha.xhtml for a view bean: one captcha per slot (a page may have
 * several), issued on first display, renewed on demand or after each check. The answer is checked and
 * spent by the business service, never here.
 */
abstract class CaptchaSlots implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> captchaIds = new HashMap<>(4);
    private final Map<String, String> captchaQuestions = new HashMap<>(4);
    private final Map<String, String> captchaAnswers = new HashMap<>(4);

    /** The service that issues challenges (the bean's injected EJB). */
    protected abstract CaptchaService captchaService();

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
        CaptchaChallenge challenge = captchaService().issue();
        captchaIds.put(slot, challenge.getId());
        captchaQuestions.put(slot, challenge.getQuestion());
        captchaAnswers.remove(slot);
    }

    public Map<String, String> getCaptchaAnswers() {
        return captchaAnswers;
    }

    /** The challenge shown in a slot, as the service checks it. */
    protected String issuedCaptcha(String slot) {
        return captchaIds.get(slot);
    }

    /** What the user typed in a slot. */
    protected String typedCaptcha(String slot) {
        return captchaAnswers.get(slot);
    }
}
