package fr.asp.segur.application.captcha;

import java.time.LocalDateTime;

/**
 * A captcha challenge as the page shows it: {@code challengeJson} goes to the ALTCHA widget's
 * {@code challengejson} attribute; {@code id} is what the page gives back to {@link CaptchaService#check}.
 * Nothing in it answers the challenge: only the proof of work does.
 */
public record IssuedCaptcha(String id, String challengeJson, LocalDateTime expiresAt) {
}
