package fr.asp.segur.domain.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A site (établissement, ET) or a legal entity (entité juridique, EJ) of the FINESS directory, reduced to
 * what a funding request needs. Written by the finess-sync job in SQL; read here.
 */
@Entity
@Table(name = "finess_establishment")
public class FinessEstablishment {

    public static final String SITE = "ET";
    public static final String LEGAL_ENTITY = "EJ";

    @Id
    private String finess;
    private String kind;
    @Column(name = "finess_ej")
    private String finessEj;
    private String siret;
    private String name;
    @Column(name = "long_name")
    private String longName;
    @Column(name = "category_code")
    private String categoryCode;
    private String category;
    @Column(name = "postal_code")
    private String postalCode;
    private String city;
    private boolean closed;
    @Column(name = "updated_on")
    private LocalDate updatedOn;
    @Column(name = "last_processed_at")
    private LocalDateTime lastProcessedAt;

    protected FinessEstablishment() {
    }

    public boolean isLegalEntity() {
        return LEGAL_ENTITY.equals(kind);
    }

    public String getFiness() { return finess; }
    public String getKind() { return kind; }
    public String getFinessEj() { return finessEj; }
    public String getSiret() { return siret; }
    public String getName() { return name; }
    public String getLongName() { return longName; }
    public String getCategoryCode() { return categoryCode; }
    public String getCategory() { return category; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
    public boolean isClosed() { return closed; }
    public LocalDate getUpdatedOn() { return updatedOn; }
    public LocalDateTime getLastProcessedAt() { return lastProcessedAt; }
}
