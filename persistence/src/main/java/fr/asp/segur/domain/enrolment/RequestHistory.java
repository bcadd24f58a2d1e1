package fr.asp.segur.domain.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One change of a request's state: who, when, from, to, and why. Written once, never changed. */
@Entity
@Table(name = "request_history")
public class RequestHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    private EnrolmentRequest request;
    @Column(name = "occurred_at")
    private LocalDateTime occurredAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private RequestStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private RequestStatus toStatus;
    private String motivation;

    protected RequestHistory() {
    }

    RequestHistory(EnrolmentRequest request, LocalDateTime occurredAt, String actor, RequestStatus fromStatus,
                   RequestStatus toStatus, String motivation) {
        this.request = request;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.motivation = motivation;
    }

    public Long getId() { return id; }
    public LocalDateTime getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public RequestStatus getFromStatus() { return fromStatus; }
    public RequestStatus getToStatus() { return toStatus; }
    public String getMotivation() { return motivation; }
}
