package fr.asp.segur.domain.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A French credit institution (ECB list of financial institutions): feeds the "Domiciliation". */
@Entity
@Table(name = "bank_institution")
public class BankInstitution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "bank_code")
    private String bankCode;
    private String bic;
    private String name;
    private String address;
    @Column(name = "postal_code")
    private String postalCode;
    private String city;

    protected BankInstitution() {
    }

    public BankInstitution(String bankCode, String bic, String name, String address, String postalCode, String city) {
        this.bankCode = bankCode;
        this.bic = bic;
        this.name = name;
        this.address = address;
        this.postalCode = postalCode;
        this.city = city;
    }

    public Long getId() { return id; }
    public String getBankCode() { return bankCode; }
    public String getBic() { return bic; }
    public String getName() { return name; }
    public String getAddress() { return address; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
}
