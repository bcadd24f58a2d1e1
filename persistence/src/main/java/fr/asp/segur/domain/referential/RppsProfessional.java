package fr.asp.segur.domain.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A health professional of the RPPS directory, one row per RPPS number. Written by the rpps-sync job in SQL; read here. */
@Entity
@Table(name = "rpps_professional")
public class RppsProfessional {

    @Id
    private String rpps;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "profession_code")
    private String professionCode;
    private String profession;
    private String specialty;
    @Column(name = "postal_code")
    private String postalCode;
    private String city;
    @Column(name = "last_processed_at")
    private LocalDateTime lastProcessedAt;

    protected RppsProfessional() {
    }

    public String getRpps() { return rpps; }
    public String getLastName() { return lastName; }
    public String getFirstName() { return firstName; }
    public String getProfessionCode() { return professionCode; }
    public String getProfession() { return profession; }
    public String getSpecialty() { return specialty; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
    public LocalDateTime getLastProcessedAt() { return lastProcessedAt; }
}
