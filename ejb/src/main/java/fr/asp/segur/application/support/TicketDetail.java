package fr.asp.segur.application.support;

import fr.asp.segur.domain.support.SupportTicket;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/** A support ticket as an agent reads it: the message, the answers already sent, its state and version. */
public final class TicketDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String number;
    private final long version;
    private final boolean open;
    private final String status;
    private final LocalDateTime createdAt;
    private final String couloir;
    private final String phase;
    private final String lastName;
    private final String firstName;
    private final String email;
    private final String phone;
    private final String referencingNumber;
    private final String description;
    private final LocalDateTime closedAt;
    private final String closedBy;
    private final List<Answer> answers;

    private TicketDetail(SupportTicket t) {
        number = t.getTicketNumber();
        version = t.getVersion();
        open = t.isOpen();
        status = t.getStatus().label();
        createdAt = t.getCreatedAt();
        couloir = t.getCouloir().label();
        phase = t.getPhase().label();
        lastName = t.getLastName();
        firstName = t.getFirstName();
        email = t.getEmail();
        phone = t.getPhone();
        referencingNumber = t.getReferencingNumber();
        description = t.getDescription();
        closedAt = t.getClosedAt();
        closedBy = t.getClosedBy();
        answers = t.getAnswers().stream().map(a -> new Answer(a.getAuthor(), a.getAnsweredAt(), a.getBody())).toList();
    }

    static TicketDetail of(SupportTicket ticket) {
        return new TicketDetail(ticket);
    }

    public String getNumber() { return number; }
    public long getVersion() { return version; }
    public boolean isOpen() { return open; }
    public String getStatus() { return status; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getCouloir() { return couloir; }
    public String getPhase() { return phase; }
    public String getLastName() { return lastName; }
    public String getFirstName() { return firstName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getReferencingNumber() { return referencingNumber; }
    public String getDescription() { return description; }
    public LocalDateTime getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public List<Answer> getAnswers() { return answers; }

    /** An answer sent to the ticket's author. */
    public static final class Answer implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String author;
        private final LocalDateTime answeredAt;
        private final String body;

        Answer(String author, LocalDateTime answeredAt, String body) {
            this.author = author;
            this.answeredAt = answeredAt;
            this.body = body;
        }

        public String getAuthor() { return author; }
        public LocalDateTime getAnsweredAt() { return answeredAt; }
        public String getBody() { return body; }
    }
}
