package fr.asp.segur.domain.model;

/**
 * Thrown when a value object is given an invalid value.
 * <p>
 * The message is a French sentence meant to be shown as is to the end user, and
 * {@link #field()} names the form field it belongs to, so the web layer can attach the
 * message to the right input without parsing anything.
 */
public class InvalidValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   key of the field holding the value, e.g. {@code "siret"}
     * @param message French message for the end user
     */
    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return key of the field holding the rejected value */
    public String field() {
        return field;
    }
}
