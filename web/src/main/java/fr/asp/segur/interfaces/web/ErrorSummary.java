package fr.asp.segur.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The messages of the current request for the error summary at the top of a form
 * (WEB-INF/templates/error-summary.xhtml): each one with the client id of the field it is about, so that the
 * summary links to the field (RGAA 11.10, WCAG 3.3.1). Read at render time, after every rule has spoken.
 */
@Named
@RequestScoped
public class ErrorSummary {

    /** One message; {@code fieldId} is null for a message about the whole form. */
    public static final class Entry {
        private final String fieldId;
        private final String text;
        private final boolean error;

        Entry(String fieldId, String text, boolean error) {
            this.fieldId = fieldId;
            this.text = text;
            this.error = error;
        }

        public String getFieldId() {
            return fieldId;
        }

        public String getText() {
            return text;
        }

        public boolean isError() {
            return error;
        }
    }

    public List<Entry> getEntries() {
        FacesContext context = FacesContext.getCurrentInstance();
        List<Entry> entries = new ArrayList<>();
        for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext(); ) {
            String id = ids.next();
            for (FacesMessage message : context.getMessageList(id)) {
                String text = message.getSummary() == null ? message.getDetail() : message.getSummary();
                boolean error = message.getSeverity() != null
                        && message.getSeverity().getOrdinal() >= FacesMessage.SEVERITY_WARN.getOrdinal();
                entries.add(new Entry(id, text, error));
            }
        }
        return entries;
    }

    public boolean hasErrors() {
        return getEntries().stream().anyMatch(Entry::isError);
    }
}
