package fr.asp.segur.domain.enrolment;

import fr.asp.segur.domain.account.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A request the company's legal representative lets another supplier account see, until they revoke it.
 * Revoking keeps the row: who shared what with whom, and until when, stays known.
 */
@Entity
@Table(name = "request_share")
public class RequestShare {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    private EnrolmentRequest request;
    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;
    @Column(name = "shared_by")
    private String sharedBy;
    @Column(name = "shared_at")
    private LocalDateTime sharedAt;
    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    protected RequestShare() {
    }

    public RequestShare(EnrolmentRequest request, Account account, String sharedBy, LocalDateTime now) {
        this.request = Objects.requireNonNull(request, "request");
        this.account = Objects.requireNonNull(account, "account");
        this.sharedBy = Objects.requireNonNull(sharedBy, "sharedBy");
        this.sharedAt = Objects.requireNonNull(now, "now");
    }

    public void revoke(LocalDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isActive() { return revokedAt == null; }
    public Long getId() { return id; }
    public EnrolmentRequest getRequest() { return request; }
    public Account getAccount() { return account; }
    public String getSharedBy() { return sharedBy; }
    public LocalDateTime getSharedAt() { return sharedAt; }
    public LocalDateTime getRevokedAt() { return revokedAt; }
}
