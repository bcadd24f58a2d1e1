package fr.asp.segur.application.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import org.altcha.altcha.Altcha;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    private final ProofOfWork pow = new ProofOfWork("a-test-key", 5_000);

    /** What the widget posts: the number found by trying every one from 0, with the challenge's fields. */
    private static String solve(IssuedCaptcha issued) throws Exception {
        JSONObject challenge = new JSONObject(issued.challengeJson());
        Altcha.Solution solution = Altcha.solveChallenge(challenge.getString("challenge"), challenge.getString("salt"),
                Altcha.Algorithm.SHA256, challenge.getLong("maxnumber"), 0);
        return payload(challenge, solution.number);
    }

    private static String payload(JSONObject challenge, long number) {
        JSONObject payload = new JSONObject().put("algorithm", challenge.getString("algorithm"))
                .put("challenge", challenge.getString("challenge")).put("number", number)
                .put("salt", challenge.getString("salt")).put("signature", challenge.getString("signature"))
                .put("took", 12);
        return Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSolvedChallengeIsRecognisedWithItsIdAndExpiry() throws Exception {
        Instant expires = Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        IssuedCaptcha issued = pow.issue(expires);

        ProofOfWork.Verdict verdict = pow.verify(solve(issued));

        assertThat(verdict.outcome()).isEqualTo(ProofOfWork.Outcome.SOLVED);
        assertThat(verdict.id()).isEqualTo(issued.id());
        assertThat(verdict.expiresAt()).isEqualTo(issued.expiresAt());
    }

    @Test
    void thePageCarriesTheChallengeButNotItsAnswer() {
        JSONObject challenge = new JSONObject(pow.issue(Instant.now().plusSeconds(60)).challengeJson());
        assertThat(challenge.keySet()).containsExactlyInAnyOrder("algorithm", "challenge", "maxnumber", "salt", "signature");
        assertThat(challenge.getString("algorithm")).isEqualTo("SHA-256");
        assertThat(challenge.getLong("maxnumber")).isEqualTo(5_000);
    }

    @Test
    void theWrongNumberIsOursButWrong() throws Exception {
        IssuedCaptcha issued = pow.issue(Instant.now().plusSeconds(60));
        JSONObject challenge = new JSONObject(issued.challengeJson());
        long right = new JSONObject(new String(Base64.getDecoder().decode(solve(issued)), StandardCharsets.UTF_8)).getLong("number");

        ProofOfWork.Verdict verdict = pow.verify(payload(challenge, right + 1));

        assertThat(verdict.outcome()).isEqualTo(ProofOfWork.Outcome.WRONG);
        assertThat(verdict.id()).isEqualTo(issued.id());
        assertThat(pow.verify(payload(challenge, -1)).outcome()).isEqualTo(ProofOfWork.Outcome.WRONG);
    }

    @Test
    void anotherKeysChallengeOrAnEditedSaltIsForged() throws Exception {
        IssuedCaptcha theirs = new ProofOfWork("another-key", 5_000).issue(Instant.now().plusSeconds(60));
        assertThat(pow.verify(solve(theirs)).outcome()).isEqualTo(ProofOfWork.Outcome.FORGED);

        // A script that moves the expiry (or the id) in the salt must recompute the challenge, whose HMAC it cannot make.
        IssuedCaptcha mine = pow.issue(Instant.now().minusSeconds(60));
        JSONObject challenge = new JSONObject(mine.challengeJson());
        String salt = challenge.getString("salt").replaceAll("expires=\\d+", "expires=99999999999");
        long n = 0;
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((salt + n).getBytes(StandardCharsets.UTF_8)));
        challenge.put("salt", salt).put("challenge", hash);
        assertThat(pow.verify(payload(challenge, n)).outcome()).isEqualTo(ProofOfWork.Outcome.FORGED);
    }

    @Test
    void garbageIsForgedAndNeverThrows() {
        for (String garbage : new String[] {null, "", "%%%", "bm90IGpzb24=", Base64.getEncoder().encodeToString("{}".getBytes()),
                Base64.getEncoder().encodeToString("{\"algorithm\":\"SHA-256\",\"challenge\":1}".getBytes()), "A".repeat(5_000)}) {
            assertThat(pow.verify(garbage).outcome()).as(String.valueOf(garbage)).isEqualTo(ProofOfWork.Outcome.FORGED);
            assertThat(pow.verify(garbage).id()).isNull();
        }
    }
}
