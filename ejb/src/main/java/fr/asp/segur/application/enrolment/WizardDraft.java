package fr.asp.segur.application.enrolment;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A draft as the wizard sees it: its id (the URL's {@code brouillon}), the token its uploads are staged
 * under, its state, until when it is kept if the supplier saved it, and the request number once submitted.
 */
public record WizardDraft(String id, String documentToken, DraftState state, LocalDateTime savedUntil,
                          String requestNumber) implements Serializable {

    public boolean submitted() {
        return requestNumber != null;
    }
}
