package fr.asp.segur.application.deposit;

import jakarta.ejb.ApplicationException;

/**
 * An API call refused before anything is read: no valid token ({@link Reason#UNAUTHENTICATED}), or a
 * company the token's account does not hold ({@link Reason#FOREIGN_COMPANY}).
 */
@ApplicationException(rollback = true)
public class ApiAccessException extends RuntimeException {

    public enum Reason { UNAUTHENTICATED, FOREIGN_COMPANY }

    private final Reason reason;

    public ApiAccessException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
