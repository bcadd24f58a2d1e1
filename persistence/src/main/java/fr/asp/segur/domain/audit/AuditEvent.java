package fr.asp.segur.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One line of the audit trail: who did what, when, on which request. Immutable once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at", updatable = false)
    private LocalDateTime occurredAt;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String action;
    @Column(name = "request_number", updatable = false)
    private String requestNumber;
    @Column(updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(LocalDateTime occurredAt, String actor, String action, String requestNumber, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.requestNumber = requestNumber;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public Long getId() { return id; }
    public LocalDateTime getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getRequestNumber() { return requestNumber; }
    public String getDetail() { return detail; }
}
