package fr.asp.segur.application.enrolment;

import fr.asp.segur.domain.enrolment.TiersQuality;
import jakarta.json.bind.annotation.JsonbTransient;
import java.io.Serializable;

/**
 * What the supplier typed in the enrolment wizard, as typed. Nothing here is trusted: the
 * {@link EnrolmentService} checks every field, and takes referential values (software, SIRENE
 * address, bank domiciliation) from the referentials themselves rather than from this form.
 */
public class EnrolmentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    // 1 - Logiciel
    private String referencingNumber;

    // 2 - Demandeur: the company
    private String siret;
    private String denomination;
    private String commercialName;
    private String recipientIdentity;
    private String entrance;
    private String streetExtension;
    private String addressComplement;
    // typed by the supplier only when SIRENE does not know the SIRET yet ("SIRET non vérifié")
    private String streetNumber;
    private String streetType;
    private String streetName;
    private String postalCode;
    private String city;

    // 2 - Demandeur: the people
    private Boolean legalRepresentative;
    private String representativeLastName;
    private String representativeFirstName;
    private String representativeEmail;
    private String representativeEmailConfirmation;
    private String representativePhone;
    private String depositaireLastName;
    private String depositaireFirstName;
    private String depositaireEmail;
    private String depositaireEmailConfirmation;
    private String depositairePhone;
    private TiersQuality tiersQuality;

    // 3 - Coordonnées bancaires
    private String iban;
    private String bic;
    private String accountHolder;
    /** Typed only when the bank referential does not know the bank. */
    private String domiciliation;

    // 4 - Confirmation
    private String captchaId;
    private String captchaAnswer;
    private boolean cguAccepted;
    private boolean penalCodeAcknowledged;
    private boolean sincerityCertified;

    public String getReferencingNumber() { return referencingNumber; }
    public void setReferencingNumber(String v) { this.referencingNumber = v; }
    public String getSiret() { return siret; }
    public void setSiret(String v) { this.siret = v; }
    public String getDenomination() { return denomination; }
    public void setDenomination(String v) { this.denomination = v; }
    public String getCommercialName() { return commercialName; }
    public void setCommercialName(String v) { this.commercialName = v; }
    public String getRecipientIdentity() { return recipientIdentity; }
    public void setRecipientIdentity(String v) { this.recipientIdentity = v; }
    public String getEntrance() { return entrance; }
    public void setEntrance(String v) { this.entrance = v; }
    public String getStreetNumber() { return streetNumber; }
    public void setStreetNumber(String v) { this.streetNumber = v; }
    public String getStreetType() { return streetType; }
    public void setStreetType(String v) { this.streetType = v; }
    public String getStreetName() { return streetName; }
    public void setStreetName(String v) { this.streetName = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { this.postalCode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { this.city = v; }
    public String getStreetExtension() { return streetExtension; }
    public void setStreetExtension(String v) { this.streetExtension = v; }
    public String getAddressComplement() { return addressComplement; }
    public void setAddressComplement(String v) { this.addressComplement = v; }
    public Boolean getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(Boolean v) { this.legalRepresentative = v; }
    public String getRepresentativeLastName() { return representativeLastName; }
    public void setRepresentativeLastName(String v) { this.representativeLastName = v; }
    public String getRepresentativeFirstName() { return representativeFirstName; }
    public void setRepresentativeFirstName(String v) { this.representativeFirstName = v; }
    public String getRepresentativeEmail() { return representativeEmail; }
    public void setRepresentativeEmail(String v) { this.representativeEmail = v; }
    public String getRepresentativeEmailConfirmation() { return representativeEmailConfirmation; }
    public void setRepresentativeEmailConfirmation(String v) { this.representativeEmailConfirmation = v; }
    public String getRepresentativePhone() { return representativePhone; }
    public void setRepresentativePhone(String v) { this.representativePhone = v; }
    public String getDepositaireLastName() { return depositaireLastName; }
    public void setDepositaireLastName(String v) { this.depositaireLastName = v; }
    public String getDepositaireFirstName() { return depositaireFirstName; }
    public void setDepositaireFirstName(String v) { this.depositaireFirstName = v; }
    public String getDepositaireEmail() { return depositaireEmail; }
    public void setDepositaireEmail(String v) { this.depositaireEmail = v; }
    public String getDepositaireEmailConfirmation() { return depositaireEmailConfirmation; }
    public void setDepositaireEmailConfirmation(String v) { this.depositaireEmailConfirmation = v; }
    public String getDepositairePhone() { return depositairePhone; }
    public void setDepositairePhone(String v) { this.depositairePhone = v; }
    public TiersQuality getTiersQuality() { return tiersQuality; }
    public void setTiersQuality(TiersQuality v) { this.tiersQuality = v; }
    public String getIban() { return iban; }
    public void setIban(String v) { this.iban = v; }
    public String getBic() { return bic; }
    public void setBic(String v) { this.bic = v; }
    public String getAccountHolder() { return accountHolder; }
    public void setAccountHolder(String v) { this.accountHolder = v; }
    public String getDomiciliation() { return domiciliation; }
    public void setDomiciliation(String v) { this.domiciliation = v; }
    @JsonbTransient // a captcha serves once: a draft never keeps one
    public String getCaptchaId() { return captchaId; }
    public void setCaptchaId(String v) { this.captchaId = v; }
    @JsonbTransient
    public String getCaptchaAnswer() { return captchaAnswer; }
    public void setCaptchaAnswer(String v) { this.captchaAnswer = v; }
    public boolean isCguAccepted() { return cguAccepted; }
    public void setCguAccepted(boolean v) { this.cguAccepted = v; }
    public boolean isPenalCodeAcknowledged() { return penalCodeAcknowledged; }
    public void setPenalCodeAcknowledged(boolean v) { this.penalCodeAcknowledged = v; }
    public boolean isSincerityCertified() { return sincerityCertified; }
    public void setSincerityCertified(boolean v) { this.sincerityCertified = v; }
}
