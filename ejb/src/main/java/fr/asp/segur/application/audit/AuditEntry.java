package fr.asp.segur.application.audit;

import fr.asp.segur.domain.audit.AuditEvent;
import java.io.Serializable;
import java.time.LocalDateTime;

/** One row of the administrators' audit table, as the page shows it (pages get no entity). */
public final class AuditEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final LocalDateTime occurredAt;
    private final String actor;
    private final String action;
    private final String requestNumber;
    private final String detail;

    AuditEntry(AuditEvent e) {
        this.id = e.getId();
        this.occurredAt = e.getOccurredAt();
        this.actor = e.getActor();
        this.action = e.getAction();
        this.requestNumber = e.getRequestNumber();
        this.detail = e.getDetail();
    }

    public long getId() { return id; }
    public LocalDateTime getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getRequestNumber() { return requestNumber; }
    public String getDetail() { return detail; }
}
