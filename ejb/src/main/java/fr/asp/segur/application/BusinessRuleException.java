package fr.asp.segur.application;

import fr.asp.segur.domain.model.InvalidValueException;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Raised by the business services when input breaks a rule. Rolls the transaction back, so that
 * bad input changes nothing; carries every broken rule so that a page can show them all at once.
 */
@ApplicationException(rollback = true)
public class BusinessRuleException extends RuntimeException {

    private final List<FieldError> errors;

    public BusinessRuleException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        this.errors = List.copyOf(errors);
    }

    public BusinessRuleException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public static BusinessRuleException of(InvalidValueException e) {
        return new BusinessRuleException(e.field(), e.getMessage());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
