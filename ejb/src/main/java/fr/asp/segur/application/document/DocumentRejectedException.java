package fr.asp.segur.application.document;

/**
 * An uploaded file refused by {@link DocumentInspector}.
 *
 * <p>The message is written for the supplier, in French, and is meant to be shown as is
 * next to the upload field: it says what is wrong and, where possible, what to do.
 */
public class DocumentRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public DocumentRejectedException(String message) {
        super(message);
    }

    public DocumentRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
