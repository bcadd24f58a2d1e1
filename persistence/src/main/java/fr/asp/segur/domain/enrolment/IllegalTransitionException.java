package fr.asp.segur.domain.enrolment;

/** A state change the life cycle does not allow, or a decision without its mandatory motivation. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }
}
