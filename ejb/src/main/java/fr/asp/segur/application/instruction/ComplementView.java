package fr.asp.segur.application.instruction;

import fr.asp.segur.domain.enrolment.CorrectableField;
import fr.asp.segur.domain.enrolment.DocumentKind;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A request for complements as the supplier's answer page shows it: the agent's message, the documents
 * to provide again, the fields to correct with their current values (the IBAN masked).
 */
public class ComplementView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String requestNumber;
    private final String message;
    private final List<DocumentKind> documents;
    private final List<CorrectableField> fields;
    private final Map<CorrectableField, String> currentValues;
    private final LocalDateTime expiresAt;

    public ComplementView(String requestNumber, String message, List<DocumentKind> documents, LocalDateTime expiresAt) {
        this(requestNumber, message, documents, List.of(), Map.of(), expiresAt);
    }

    public ComplementView(String requestNumber, String message, List<DocumentKind> documents,
                          List<CorrectableField> fields, Map<CorrectableField, String> currentValues,
                          LocalDateTime expiresAt) {
        this.requestNumber = requestNumber;
        this.message = message;
        this.documents = List.copyOf(documents);
        this.fields = List.copyOf(fields);
        this.currentValues = Map.copyOf(currentValues);
        this.expiresAt = expiresAt;
    }

    public String getRequestNumber() { return requestNumber; }
    public String getMessage() { return message; }
    public List<DocumentKind> getDocuments() { return documents; }
    public List<CorrectableField> getFields() { return fields; }
    public LocalDateTime getExpiresAt() { return expiresAt; }

    /** Whether the agent asked to correct the field named (a {@link CorrectableField} name). */
    public boolean asked(String field) {
        return fields.contains(CorrectableField.valueOf(field));
    }

    /** The value the request holds now for a field to correct (the IBAN masked). */
    public String current(String field) {
        return currentValues.getOrDefault(CorrectableField.valueOf(field), "");
    }

    public boolean isAnyBankField() {
        return fields.stream().anyMatch(CorrectableField::isBank);
    }
}
