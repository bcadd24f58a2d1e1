package fr.asp.segur.application.ratelimit;

import fr.asp.segur.application.BusinessRuleException;

/** A rate limit reached: shown like any broken rule on a page, answered with HTTP 429 elsewhere. */
public class TooManyRequestsException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;
    public static final String MESSAGE = "Trop de demandes en peu de temps. Patientez quelques minutes avant de réessayer.";

    public TooManyRequestsException(String field) {
        super(field, MESSAGE);
    }
}
