package fr.asp.segur.domain.funding;

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

/** One change of a funding request's state, append-only: who, when, from, to, and why. */
@Entity
@Table(name = "funding_request_history")
public class FundingHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "funding_request_id")
    private FundingRequest request;
    @Column(name = "occurred_at")
    private LocalDateTime occurredAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private FundingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private FundingStatus toStatus;
    private String motivation;

    protected FundingHistory() {
    }

    FundingHistory(FundingRequest request, LocalDateTime occurredAt, String actor, FundingStatus fromStatus,
                   FundingStatus toStatus, String motivation) {
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
    public FundingStatus getFromStatus() { return fromStatus; }
    public FundingStatus getToStatus() { return toStatus; }
    public String getMotivation() { return motivation; }
}
