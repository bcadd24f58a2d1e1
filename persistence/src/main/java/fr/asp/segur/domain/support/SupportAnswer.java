package fr.asp.segur.domain.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An answer to a support ticket, as emailed to its author: who wrote it, when, what. Never changed. */
@Entity
@Table(name = "support_answer")
public class SupportAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id", updatable = false)
    private SupportTicket ticket;
    @Column(updatable = false)
    private String author;
    @Column(name = "answered_at", updatable = false)
    private LocalDateTime answeredAt;
    @Column(updatable = false)
    private String body;

    protected SupportAnswer() {
    }

    SupportAnswer(SupportTicket ticket, String author, String body, LocalDateTime answeredAt) {
        this.ticket = ticket;
        this.author = author;
        this.body = body;
        this.answeredAt = answeredAt;
    }

    public Long getId() { return id; }
    public String getAuthor() { return author; }
    public LocalDateTime getAnsweredAt() { return answeredAt; }
    public String getBody() { return body; }
}
