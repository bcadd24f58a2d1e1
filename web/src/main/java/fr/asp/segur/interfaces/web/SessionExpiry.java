package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.enrolment.DraftService;
import fr.asp.segur.application.enrolment.WizardDraft;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What session-expiree.xhtml says. A page's server state is gone (the session ended, or the server that
 * held it did); an enrolment wizard's draft is not, since it lives in the database: the page finds it by
 * the {@code brouillon} of the wizard's URL (a parameter, or the address of the page the browser was on)
 * and offers to resume it, or says that it was already submitted.
 */
@Named
@RequestScoped
public class SessionExpiry {

    @EJB
    private DraftService drafts;

    private Optional<WizardDraft> draft;

    public Optional<WizardDraft> draft() {
        if (draft == null) {
            draft = draftId().flatMap(drafts::find);
        }
        return draft;
    }

    public boolean isDraftKept() {
        return draft().filter(d -> !d.submitted()).isPresent();
    }

    public boolean isDraftSubmitted() {
        return draft().filter(WizardDraft::submitted).isPresent();
    }

    public String getDraftId() {
        return draft().map(WizardDraft::id).orElse(null);
    }

    public String getRequestNumber() {
        return draft().map(WizardDraft::requestNumber).orElse(null);
    }

    private static Optional<String> draftId() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String direct = external.getRequestParameterMap().get("brouillon");
        if (direct != null) {
            return Optional.of(direct);
        }
        return fromUrl(external.getRequestHeaderMap().get("Referer"));
    }

    /** The {@code brouillon} parameter of a URL, if any. */
    static Optional<String> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("brouillon=")) {
                return Optional.of(URLDecoder.decode(pair.substring("brouillon=".length()), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
