package fr.asp.segur.system;

import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.captcha.IssuedCaptcha;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.captcha.IssuedCaptcha;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.TiersQuality;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Base64;
import javax.sql.DataSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Data for the in-container tests: the guide's examples, shipped in the sample referentials. */
final class Fixtures {

    static final String SOFTWARE = "0215jug63a";
    static final String KALINKA_SIRET = "81120705900015";
    static final String IBAN = "FR7613135000800800267924623";
    static final String BIC = "CEPAFRPP313";

    private Fixtures() {
    }

    /** The form of a legal representative of KALINKA enrolling KALINKA's own software. */
    static EnrolmentForm representativeForm(String email) {
        EnrolmentForm form = new EnrolmentForm();
        form.setReferencingNumber(SOFTWARE);
        form.setSiret(KALINKA_SIRET);
        form.setDenomination("KALINKA");
        form.setCommercialName("KALINKA");
        form.setLegalRepresentative(true);
        form.setRepresentativeLastName("Martin");
        form.setRepresentativeFirstName("Maelys");
        form.setRepresentativeEmail(email);
        form.setRepresentativeEmailConfirmation(email);
        form.setRepresentativePhone("03 26 21 21 21");
        form.setIban(IBAN);
        form.setBic(BIC);
        form.setAccountHolder("MARTIN MAELYS");
        form.setCguAccepted(true);
        form.setPenalCodeAcknowledged(true);
        form.setSincerityCertified(true);
        return form;
    }

    static void makeTiers(EnrolmentForm form, TiersQuality quality, String email) {
        form.setLegalRepresentative(false);
        form.setTiersQuality(quality);
        form.setDepositaireLastName("Durand");
        form.setDepositaireFirstName("Paul");
        form.setDepositaireEmail(email);
        form.setDepositaireEmailConfirmation(email);
        form.setDepositairePhone("0612345678");
    }

    /** The documents every representative's request needs. */
    static final DocumentKind[] REPRESENTATIVE_DOCUMENTS = {DocumentKind.CERTIFICAT_REFERENCEMENT,
            DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB};

    /** A wizard's draft token: 32 random bytes, URL-safe. */
    static String newDraft() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Submits a request through the EJBs as the wizard does: documents staged, a captcha solved. */
    static String submit(EnrolmentService enrolment, DocumentService documents, CaptchaService captcha,
                         EnrolmentForm form, DocumentKind... kinds) {
        String draft = newDraft();
        for (DocumentKind kind : kinds) {
            documents.stage(draft, kind, kind.name().toLowerCase() + ".pdf", new ByteArrayInputStream(pdf()));
        }
        IssuedCaptcha challenge = captcha.issue();
        form.setCaptchaId(challenge.id());
        form.setCaptchaAnswer(Fixtures.solveCaptcha(challenge));
        return enrolment.submit(form, draft).value();
    }

    static byte[] pdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long count(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String string(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * A supplier account (role fournisseur) for one company, with the demo accounts' password (its hash copied
     * from the demo agent's), so that {@link People#as} and a browser can log in with it.
     */
    static void supplierAccount(DataSource ds, String login, String siret) throws SQLException {
        execute(ds, "insert into app_account (login, email, display_name, password_hash, enabled, failed_logins, "
                + "created_at, version) select ?, ?, 'Fournisseur de test', password_hash, true, 0, current_timestamp, 0 "
                + "from app_account where login = ?", login, login, People.AGENT);
        execute(ds, "insert into account_role (account_id, role) select id, 'fournisseur' from app_account where login = ?",
                login);
        execute(ds, "insert into account_company (account_id, siret) select id, ? from app_account where login = ?",
                siret, login);
    }

    static void execute(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    /** Solves a captcha as the ALTCHA widget does: the proof of work, found by trying every number. */
    static String solveCaptcha(IssuedCaptcha challenge) {
        return solveCaptcha(challenge.challengeJson());
    }

    /**
     * Solves an ALTCHA challenge (the JSON the page gives the widget) by brute force, with the JDK only, and
     * returns the payload the widget would post. A script pays exactly this; the tests run with a low cost
     * ({@code -Dsegur.captcha.max-number}).
     */
    static String solveCaptcha(String challengeJson) {
        String challenge = jsonString(challengeJson, "challenge");
        String salt = jsonString(challengeJson, "salt");
        long max = Long.parseLong(jsonNumber(challengeJson, "maxnumber"));
        MessageDigest sha256 = sha256();
        HexFormat hex = HexFormat.of();
        for (long n = 0; n <= max; n++) {
            if (hex.formatHex(sha256.digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(challenge)) {
                return captchaPayload(challengeJson, n);
            }
        }
        throw new IllegalStateException("No solution up to " + max);
    }

    /** The payload the widget would post for {@code number}, right or wrong. */
    static String captchaPayload(String challengeJson, long number) {
        String json = "{\"algorithm\":\"" + jsonString(challengeJson, "algorithm") + "\",\"challenge\":\""
                + jsonString(challengeJson, "challenge") + "\",\"number\":" + number + ",\"salt\":\""
                + jsonString(challengeJson, "salt") + "\",\"signature\":\"" + jsonString(challengeJson, "signature")
                + "\",\"took\":1}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonString(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("No " + key + " in " + json);
        }
        return m.group(1);
    }

    private static String jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("No " + key + " in " + json);
        }
        return m.group(1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
