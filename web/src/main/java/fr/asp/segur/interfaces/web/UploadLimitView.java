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
}
