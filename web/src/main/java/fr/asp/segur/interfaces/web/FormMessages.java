package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/**
 * Shows a service's broken rules on a plain form: each beside its field (the input with the error's field key
 * as id, in the given form) and in the summary, the field marked invalid and given back what was typed.
 */
final class FormMessages {

    private FormMessages() {
    }

    /** @param aliases a rule's field key → the input's id, where they differ */
    static void show(String formId, BusinessRuleException e, Map<String, String> aliases) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (FieldError error : e.errors()) {
            String field = aliases.getOrDefault(error.field(), error.field());
            UIComponent component = context.getViewRoot().findComponent(formId + ":" + field);
            if (component instanceof UIInput input) {
                if (!"captcha".equals(error.field()) && input.getValue() instanceof String typed) {
                    input.setSubmittedValue(typed);
                }
                input.setValid(false);
            }
            context.addMessage(component == null ? null : component.getClientId(context), error(error.message()));
        }
        context.validationFailed();
    }

    static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }
}
