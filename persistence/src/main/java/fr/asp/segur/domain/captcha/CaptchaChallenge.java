package fr.asp.segur.domain.captcha;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A captcha challenge: an image code, and a question in words as its non-visual alternative.
 * Stored in the database so that any node of a cluster can check it; single use and expiring.
 */
@Entity
@Table(name = "captcha_challenge")
public class CaptchaChallenge {

    @Id
    private String id;
    private String code;
    private String question;
    @Column(name = "question_answer")
    private String questionAnswer;
    @Column(name = "expires_at")
    private LocalDateTime expiresAt;
    private boolean used;

    protected CaptchaChallenge() {
    }

    public CaptchaChallenge(String id, String code, String question, String questionAnswer, LocalDateTime expiresAt) {
        this.id = id;
        this.code = code;
        this.question = question;
        this.questionAnswer = questionAnswer;
        this.expiresAt = expiresAt;
    }

    public boolean isUsable(LocalDateTime now) {
        return !used && now.isBefore(expiresAt);
    }

    public void markUsed() {
        this.used = true;
    }

    public String getId() { return id; }
    public String getCode() { return code; }
    public String getQuestion() { return question; }
    public String getQuestionAnswer() { return questionAnswer; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public boolean isUsed() { return used; }
}
