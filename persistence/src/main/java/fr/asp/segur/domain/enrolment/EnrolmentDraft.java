package fr.asp.segur.domain.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * An enrolment wizard's work in progress, in the database rather than in an HTTP session, so that a
 * refresh, a bookmark, another cluster node or a restart finds it. Its id is a random secret carried in
 * the wizard's URL; its uploads are the {@link Document}s staged under {@link #getDocumentToken()}.
 */
@Entity
@Table(name = "enrolment_draft")
public class EnrolmentDraft {

    /** An unsaved draft is abandoned a day after its last change, like the uploads it refers to. */
    public static final Duration UNSAVED_LIFETIME = Duration.ofHours(24);

    @Id
    private String id;
    @Column(name = "document_token")
    private String documentToken;
    private String state;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "updated_at")
    private LocalDateTime updatedAt;
    @Column(name = "saved_until")
    private LocalDateTime savedUntil;
    @Column(name = "request_number")
    private String requestNumber;

    protected EnrolmentDraft() {
    }

    public EnrolmentDraft(String id, String documentToken, String state, LocalDateTime now) {
        this.id = id;
        this.documentToken = documentToken;
        this.state = state;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Stores the wizard's new state; a submitted draft no longer changes. */
    public void update(String newState, LocalDateTime now) {
        if (isSubmitted()) {
            throw new IllegalStateException("Draft already submitted");
        }
        this.state = newState;
        this.updatedAt = now;
    }

    /** "Enregistrer et reprendre plus tard": kept until the given time, then purged. */
    public void keepUntil(LocalDateTime until) {
        this.savedUntil = until;
    }

    /** The request was stored: only its number stays (the form, with its personal data, goes). */
    public void submitted(String number, LocalDateTime now) {
        this.requestNumber = number;
        this.state = "{}";
        this.savedUntil = null;
        this.updatedAt = now;
    }

    public boolean isSubmitted() {
        return requestNumber != null;
    }

    /** Past its lifetime: a saved draft at its saved_until, another a day after its last change. */
    public boolean isExpired(LocalDateTime now) {
        return savedUntil != null ? !now.isBefore(savedUntil) : !now.isBefore(updatedAt.plus(UNSAVED_LIFETIME));
    }

    public String getId() { return id; }
    public String getDocumentToken() { return documentToken; }
    public String getState() { return state; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public LocalDateTime getSavedUntil() { return savedUntil; }
    public String getRequestNumber() { return requestNumber; }
}
