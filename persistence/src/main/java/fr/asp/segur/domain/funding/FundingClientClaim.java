package fr.asp.segur.domain.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The funding request that holds a client for a call: "the same client is funded once per call,
 * whoever the supplier". Its primary key (call, client) is what settles two suppliers filing the
 * same client at the same instant. Removed when the holding request is rejected.
 */
@Entity
@Table(name = "funding_client_claim")
@IdClass(FundingClientClaim.Key.class)
public class FundingClientClaim {

    @Id
    @Column(name = "call_id")
    private Long callId;
    @Id
    @Column(name = "client_identifier")
    private String clientIdentifier;
    @Column(name = "funding_request_id")
    private Long fundingRequestId;
    @Column(name = "claimed_at")
    private LocalDateTime claimedAt;

    protected FundingClientClaim() {
    }

    public FundingClientClaim(Long callId, String clientIdentifier, Long fundingRequestId, LocalDateTime claimedAt) {
        this.callId = callId;
        this.clientIdentifier = clientIdentifier;
        this.fundingRequestId = fundingRequestId;
        this.claimedAt = claimedAt;
    }

    /** Hands the client over to another request (the holder was rejected, a conflicting one goes on). */
    public void transferTo(Long requestId, LocalDateTime at) {
        this.fundingRequestId = requestId;
        this.claimedAt = at;
    }

    public Long getCallId() { return callId; }
    public String getClientIdentifier() { return clientIdentifier; }
    public Long getFundingRequestId() { return fundingRequestId; }
    public LocalDateTime getClaimedAt() { return claimedAt; }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long callId;
        private String clientIdentifier;

        public Key() {
        }

        public Key(Long callId, String clientIdentifier) {
            this.callId = callId;
            this.clientIdentifier = clientIdentifier;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(callId, k.callId)
                    && Objects.equals(clientIdentifier, k.clientIdentifier);
        }

        @Override
        public int hashCode() {
            return Objects.hash(callId, clientIdentifier);
        }
    }
}
