package fr.asp.segur.interfaces.web;

import fr.asp.segur.application.document.UploadLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The upload limit for the pages: the hint, and the browser's pre-check before a file is sent. */
@Named("uploadLimit")
@ApplicationScoped
public class UploadLimitView {

    public long getBytes() {
        return UploadLimit.BYTES;
    }

    public String getLabel() {
        return UploadLimit.LABEL;
    }

    public String getTooLarge() {
        return UploadLimit.TOO_LARGE;
    }

    /** The same, for a JavaScript string literal in a page (no-break spaces as escapes, never as entities). */
    public String getTooLargeForScript() {
        return UploadLimit.TOO_LARGE.replace("\u00a0", "\\u00a0");
    }
}
