package fr.asp.segur.domain.support;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A message sent through "Contacter l'assistance", with its readable number (AST-2026-000123), the
 * answers the service gestion emailed and, once handled, who closed it and when.
 */
@Entity
@Table(name = "support_ticket")
public class SupportTicket {

    public enum Status {
        OUVERT("Ouvert"), CLOS("Clos");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Details of the person who wrote, as validated by the support service. */
    public record Contact(String lastName, String firstName, String email, String phone) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_number")
    private String ticketNumber;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private Couloir couloir;
    @Enumerated(EnumType.STRING)
    private SupportPhase phase;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "first_name")
    private String firstName;
    private String email;
    private String phone;
    @Column(name = "referencing_number")
    private String referencingNumber;
    private String description;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "closed_at")
    private LocalDateTime closedAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Version
    private long version;
    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("answeredAt")
    private List<SupportAnswer> answers = new ArrayList<>();

    protected SupportTicket() {
    }

    public SupportTicket(String ticketNumber, Couloir couloir, SupportPhase phase, Contact contact,
                         String referencingNumber, String description, LocalDateTime createdAt) {
        this.ticketNumber = ticketNumber;
        this.status = Status.OUVERT;
        this.couloir = couloir;
        this.phase = phase;
        this.lastName = contact.lastName();
        this.firstName = contact.firstName();
        this.email = contact.email();
        this.phone = contact.phone();
        this.referencingNumber = referencingNumber;
        this.description = description;
        this.createdAt = createdAt;
    }

    /** The readable number of the n-th ticket of a year: AST-2026-000123. */
    public static String number(int year, long sequence) {
        return String.format("AST-%04d-%06d", year, sequence);
    }

    public SupportAnswer answer(String author, String body, LocalDateTime at) {
        if (status == Status.CLOS) {
            throw new IllegalStateException("Ticket " + ticketNumber + " is closed");
        }
        SupportAnswer answer = new SupportAnswer(this, author, body, at);
        answers.add(answer);
        return answer;
    }

    public void close(String by, LocalDateTime at) {
        if (status == Status.CLOS) {
            throw new IllegalStateException("Ticket " + ticketNumber + " is already closed");
        }
        status = Status.CLOS;
        closedBy = by;
        closedAt = at;
    }

    public boolean isOpen() { return status == Status.OUVERT; }
    public Long getId() { return id; }
    public String getTicketNumber() { return ticketNumber; }
    public Status getStatus() { return status; }
    public Couloir getCouloir() { return couloir; }
    public SupportPhase getPhase() { return phase; }
    public String getLastName() { return lastName; }
    public String getFirstName() { return firstName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getReferencingNumber() { return referencingNumber; }
    public String getDescription() { return description; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public long getVersion() { return version; }
    public List<SupportAnswer> getAnswers() { return answers; }
}
