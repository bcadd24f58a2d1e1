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

/** A person named in a request. Values arrive already validated by their value objects. */
@Entity
@Table(name = "request_person")
public class RequestPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    private EnrolmentRequest request;
    @Enumerated(EnumType.STRING)
    private PersonRole role;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "first_name")
    private String firstName;
    private String email;
    private String phone;

    protected RequestPerson() {
    }

    RequestPerson(EnrolmentRequest request, PersonRole role, String lastName, String firstName, String email,
                  String phone) {
        this.request = request;
        this.role = role;
        this.lastName = lastName;
        this.firstName = firstName;
        this.email = email;
        this.phone = phone;
    }

    /** Corrected contact details (already validated by their value objects), when an agent asked for it. */
    public void correctContact(String email, String phone) {
        this.email = email;
        this.phone = phone;
    }

    public Long getId() { return id; }
    public PersonRole getRole() { return role; }
    public String getLastName() { return lastName; }
    public String getFirstName() { return firstName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
}
