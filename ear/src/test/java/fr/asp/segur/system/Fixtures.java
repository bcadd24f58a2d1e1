package fr.asp.segur.system;

import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.domain.enrolment.TiersQuality;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    static void execute(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }
}
