package fr.asp.segur.domain.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An establishment of the SIRENE directory (StockEtablissement), reduced to what the portal needs. */
@Entity
@Table(name = "sirene_establishment")
public class SireneEstablishment {

    /** SIRENE's etatAdministratifEtablissement value for a closed establishment. */
    public static final String CLOSED = "F";

    @Id
    private String siret;
    private String siren;
    @Column(name = "head_office")
    private boolean headOffice;
    @Column(name = "address_complement")
    private String addressComplement;
    @Column(name = "street_number")
    private String streetNumber;
    @Column(name = "repetition_index")
    private String repetitionIndex;
    @Column(name = "street_type")
    private String streetType;
    @Column(name = "street_name")
    private String streetName;
    @Column(name = "postal_code")
    private String postalCode;
    private String city;
    private String state;
    @Column(name = "sign_name")
    private String signName;
    @Column(name = "usual_name")
    private String usualName;
    @Column(name = "last_processed_at")
    private LocalDateTime lastProcessedAt;

    protected SireneEstablishment() {
    }

    public SireneEstablishment(String siret, String siren, boolean headOffice, String addressComplement,
                               String streetNumber, String repetitionIndex, String streetType, String streetName,
                               String postalCode, String city, String state, String signName, String usualName,
                               LocalDateTime lastProcessedAt) {
        this.siret = siret;
        this.siren = siren;
        this.headOffice = headOffice;
        this.addressComplement = addressComplement;
        this.streetNumber = streetNumber;
        this.repetitionIndex = repetitionIndex;
        this.streetType = streetType;
        this.streetName = streetName;
        this.postalCode = postalCode;
        this.city = city;
        this.state = state;
        this.signName = signName;
        this.usualName = usualName;
        this.lastProcessedAt = lastProcessedAt;
    }

    public boolean isClosed() {
        return CLOSED.equals(state);
    }

    /** The trading name ("Nom commercial"): the first sign, else the usual name. */
    public String commercialName() {
        return signName != null && !signName.isBlank() ? signName : usualName;
    }

    public String getSiret() { return siret; }
    public String getSiren() { return siren; }
    public boolean isHeadOffice() { return headOffice; }
    public String getAddressComplement() { return addressComplement; }
    public String getStreetNumber() { return streetNumber; }
    public String getRepetitionIndex() { return repetitionIndex; }
    public String getStreetType() { return streetType; }
    public String getStreetName() { return streetName; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
    public String getState() { return state; }
    public String getSignName() { return signName; }
    public String getUsualName() { return usualName; }
}
