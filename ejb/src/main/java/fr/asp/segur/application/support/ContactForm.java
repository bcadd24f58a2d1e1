package fr.asp.segur.application.support;

import java.io.Serializable;

/** What the contact form ("Contacter l'assistance") sends, as typed: {@link SupportService} judges it. */
public class ContactForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String couloir;
    private String phase;
    private String lastName;
    private String firstName;
    private String email;
    private String phone;
    private String referencingNumber;
    private String description;
    private String captchaId;
    private String captchaAnswer;

    public String getCouloir() { return couloir; }
    public void setCouloir(String couloir) { this.couloir = couloir; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getReferencingNumber() { return referencingNumber; }
    public void setReferencingNumber(String referencingNumber) { this.referencingNumber = referencingNumber; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCaptchaId() { return captchaId; }
    public void setCaptchaId(String captchaId) { this.captchaId = captchaId; }
    public String getCaptchaAnswer() { return captchaAnswer; }
    public void setCaptchaAnswer(String captchaAnswer) { this.captchaAnswer = captchaAnswer; }
}
