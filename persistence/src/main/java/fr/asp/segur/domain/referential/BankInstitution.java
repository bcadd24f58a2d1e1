package fr.asp.segur.domain.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

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
    /** No longer in the ECB list: kept, but no longer offered as a Domiciliation. */
    private boolean withdrawn;

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

    /**
     * Takes the values of the same institution as newly published (and un-withdraws it).
     *
     * @return whether anything changed
     */
    public boolean updateFrom(BankInstitution published) {
        if (!Objects.equals(bankCode, published.bankCode)) {
            throw new IllegalArgumentException("Not the same bank: " + published.bankCode);
        }
        if (Objects.equals(bic, published.bic) && Objects.equals(name, published.name)
                && Objects.equals(address, published.address) && Objects.equals(postalCode, published.postalCode)
                && Objects.equals(city, published.city) && !withdrawn) {
            return false;
        }
        bic = published.bic;
        name = published.name;
        address = published.address;
        postalCode = published.postalCode;
        city = published.city;
        withdrawn = false;
        return true;
    }

    public Long getId() { return id; }
    public String getBankCode() { return bankCode; }
    public String getBic() { return bic; }
    public String getName() { return name; }
    public String getAddress() { return address; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
    public boolean isWithdrawn() { return withdrawn; }
}
