package fr.asp.segur.application.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.altcha.altcha.Altcha;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * ALTCHA's proof of work (protocol v1, what {@code org.altcha:altcha} and the {@code altcha} 2.x widget speak):
 * the server draws a secret number n in [0, maxNumber] and sends {@code challenge = SHA-256(salt + n)} with an
 * HMAC of it; the browser finds n by trying every number, which takes maxNumber / 2 hashes on average. The salt
 * carries the challenge's id and expiry, so both are covered by the HMAC and the server keeps nothing until the
 * challenge is checked.
 */
public final class ProofOfWork {

    /** A payload is ~300 characters; anything much longer is not a solution and is refused before decoding. */
    private static final int MAX_PAYLOAD_LENGTH = 2_000;
    private static final Altcha.Algorithm ALGORITHM = Altcha.Algorithm.SHA256;

    /** What a submitted payload turned out to be. {@code id} and {@code expiresAt} are null unless signed by us. */
    public record Verdict(Outcome outcome, String id, LocalDateTime expiresAt) {
    }

    public enum Outcome {
        /** Not a payload, or not signed with our key: nothing we issued. */
        FORGED,
        /** Our challenge, with the wrong number. */
        WRONG,
        /** Our challenge, solved. */
        SOLVED
    }

    private final String hmacKey;
    private final long maxNumber;

    public ProofOfWork(String hmacKey, long maxNumber) {
        this.hmacKey = Objects.requireNonNull(hmacKey, "hmacKey");
        if (maxNumber < 1) {
            throw new IllegalArgumentException("maxNumber must be positive");
        }
        this.maxNumber = maxNumber;
    }

    public IssuedCaptcha issue(Instant expires) {
        String id = UUID.randomUUID().toString();
        try {
            Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
                    .setAlgorithm(ALGORITHM)
                    .setMaxNumber(maxNumber)
                    .setSecureRandomNumber(true)
                    .setHmacKey(hmacKey)
                    .setExpires(expires.getEpochSecond())
                    .addParam("id", id);
            Altcha.Challenge challenge = Altcha.createChallenge(options);
            String json = new JSONObject()
                    .put("algorithm", challenge.algorithm)
                    .put("challenge", challenge.challenge)
                    .put("maxnumber", challenge.maxnumber)
                    .put("salt", challenge.salt)
                    .put("signature", challenge.signature)
                    .toString();
            return new IssuedCaptcha(id, json, toLocal(expires.getEpochSecond()));
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA challenge not created", e);
        }
    }

    /** Judges a payload posted by the widget (base64 of a JSON object); never throws on hostile input. */
    public Verdict verify(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_LENGTH) {
            return new Verdict(Outcome.FORGED, null, null);
        }
        try {
            JSONObject json = new JSONObject(new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8));
            if (!ALGORITHM.getName().equals(json.optString("algorithm"))) {
                return new Verdict(Outcome.FORGED, null, null);
            }
            String challenge = json.getString("challenge");
            String salt = json.getString("salt");
            String signature = json.getString("signature");
            long number = json.getLong("number");
            // The salt, id and expiry included, is only trusted once its challenge is signed with our key.
            String expected = Altcha.hmacHex(ALGORITHM, challenge.getBytes(StandardCharsets.UTF_8), hmacKey);
            if (!constantTimeEquals(expected, signature)) {
                return new Verdict(Outcome.FORGED, null, null);
            }
            Map<String, String> params = Altcha.extractParams(salt);
            String id = params.get("id");
            String expires = params.get("expires");
            if (id == null || expires == null) {
                return new Verdict(Outcome.FORGED, null, null);
            }
            LocalDateTime expiresAt = toLocal(Long.parseLong(expires));
            boolean solved = number >= 0 && number <= maxNumber
                    && constantTimeEquals(Altcha.hashHex(ALGORITHM, salt + number), challenge);
            return new Verdict(solved ? Outcome.SOLVED : Outcome.WRONG, id, expiresAt);
        } catch (IllegalArgumentException | JSONException e) {
            return new Verdict(Outcome.FORGED, null, null);
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA payload not checked", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDateTime toLocal(long epochSecond) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneId.systemDefault());
    }
}
