package fr.asp.segur.application.instruction;

import fr.asp.segur.domain.enrolment.DocumentKind;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/** A request for complements as the supplier's answer page shows it. */
public class ComplementView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String requestNumber;
    private final String message;
    private final List<DocumentKind> documents;
    private final LocalDateTime expiresAt;

    public ComplementView(String requestNumber, String message, List<DocumentKind> documents, LocalDateTime expiresAt) {
        this.requestNumber = requestNumber;
        this.message = message;
        this.documents = List.copyOf(documents);
        this.expiresAt = expiresAt;
    }

    public String getRequestNumber() { return requestNumber; }
    public String getMessage() { return message; }
    public List<DocumentKind> getDocuments() { return documents; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
}
