package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.captcha.IssuedCaptcha;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The contract of WEB-INF/templates/captcha.xhtml for a view bean: one captcha per slot (a page may have
 * several), issued on first display, renewed on demand or after each check. The ALTCHA widget posts its
 * solution in the request parameter {@code <slot>_payload}; the business service checks and spends it, never
 * this class.
 */
abstract class CaptchaSlots implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> captchaIds = new HashMap<>(4);
    private final Map<String, String> captchaChallenges = new HashMap<>(4);

    /** The service that issues challenges (the bean's injected EJB). */
    protected abstract CaptchaService captchaService();

    public String captchaId(String slot) {
        if (!captchaIds.containsKey(slot)) {
            renewCaptcha(slot);
        }
        return captchaIds.get(slot);
    }

    /** The challenge for the widget's {@code challengejson} attribute. */
    public String captchaChallenge(String slot) {
        captchaId(slot);
        return captchaChallenges.get(slot);
    }

    public void renewCaptcha(String slot) {
        IssuedCaptcha challenge = captchaService().issue();
        captchaIds.put(slot, challenge.id());
        captchaChallenges.put(slot, challenge.challengeJson());
    }

    /** The challenge shown in a slot, as the service checks it. */
    protected String issuedCaptcha(String slot) {
        return captchaIds.get(slot);
    }

    /** What the widget posted for a slot: its proof of work, or nothing if it was not ticked. */
    protected String typedCaptcha(String slot) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(slot + "_payload");
    }
}
