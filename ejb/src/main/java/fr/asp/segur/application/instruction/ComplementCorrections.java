package fr.asp.segur.application.instruction;

import java.io.Serializable;

/**
 * The values a supplier types on the complements page for the fields the agent asked to correct, as
 * typed: {@link ComplementService} validates them with the wizard's rules. Fields not asked are ignored.
 */
public class ComplementCorrections implements Serializable {

    private static final long serialVersionUID = 1L;

    private String iban;
    private String bic;
    private String domiciliation;
    private String email;
    private String emailConfirmation;
    private String phone;

    public String getIban() { return iban; }
    public void setIban(String iban) { this.iban = iban; }
    public String getBic() { return bic; }
    public void setBic(String bic) { this.bic = bic; }
    public String getDomiciliation() { return domiciliation; }
    public void setDomiciliation(String domiciliation) { this.domiciliation = domiciliation; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getEmailConfirmation() { return emailConfirmation; }
    public void setEmailConfirmation(String emailConfirmation) { this.emailConfirmation = emailConfirmation; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }

    /** The IBAN is personal data: never in a log. */
    @Override
    public String toString() {
        return "ComplementCorrections[bic=" + bic + "]";
    }
}
