package fr.asp.segur.system;

import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.funding.FundingRequestForm;
import fr.asp.segur.application.instruction.InstructionService;
import java.security.SecureRandom;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Funding requests' test data: validated suppliers of their own (a company per test, so that tests
 * never see each other's requests), fresh client identifiers, and the sample calls' forms.
 */
final class FundingFixtures {

    static final String RADIOLOGIE = "AF-RAD-RIS-VA1";
    static final String OFFICINE = "AF-OFF-LGO-VA1";
    static final String MEDECIN = "AF-MDV-LGC-VA1";
    static final String BIOLOGIE = "AF-BIO-SGL-VA1";
    static final String CLOSED = "AF-HOP-DPI-VA1";
    static final String TRANCHE = "3 à 5 modalités";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FundingFixtures() {
    }

    /** A supplier: their company, its validated enrolment (KALINKA's RIS software, DSR-RAD-RIS-Va1), their account. */
    record Supplier(String login, String siret, long enrolmentId, String enrolmentNumber) {
    }

    /** A new company with a validated enrolment and a supplier account (demo password) granted that company. */
    static Supplier validatedSupplier(DataSource ds, EnrolmentService enrolment, DocumentService documents,
                                      CaptchaService captcha, InstructionService instruction, String loginPrefix)
            throws Exception {
        String number = Fixtures.submit(enrolment, documents, captcha,
                Fixtures.representativeForm(loginPrefix + "-representant-" + System.nanoTime() + "@kalinka.fr"),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
        String siret = siret();
        Fixtures.execute(ds, "update enrolment_request set siret = ? where request_number = ?", siret, number);
        People.as(People.AGENT, () -> instruction.take(number, version(ds, number)));
        People.as(People.AGENT, () -> instruction.validate(number, version(ds, number)));
        String login = loginPrefix + "-" + System.nanoTime() + "@fournisseur.fr";
        Fixtures.supplierAccount(ds, login, siret);
        // The legal representative shares the enrolment with that account (least privilege: SupplierAccess).
        Fixtures.execute(ds, "insert into request_share (request_id, account_id, shared_by, shared_at) select r.id, a.id, 'représentant', current_timestamp from enrolment_request r, app_account a where r.request_number = ? and a.login = ?", number, login);
        long id = Fixtures.count(ds, "select id from enrolment_request where request_number = ?", number);
        return new Supplier(login, siret, id, number);
    }

    static long version(DataSource ds, String number) throws SQLException {
        return Fixtures.count(ds, "select version from enrolment_request where request_number = ?", number);
    }

    /** The avance form of a radiology client (FINESS), order form signed on {@code signedOn}. */
    static FundingRequestForm radiologie(Supplier s, String finess, String signedOn, String amountHt) {
        return new FundingRequestForm(RADIOLOGIE, s.enrolmentId(), finess, "Cabinet de radiologie du Parc", TRANCHE,
                signedOn, amountHt);
    }

    /** A FINESS number no referential knows: the département 75, then 7 random digits. */
    static String finess() {
        return "75" + digits(7);
    }

    /** A SIRET with its Luhn key, on a SIREN no other test uses. */
    static String siret() {
        String body = "9" + digits(12);
        for (int key = 0; key <= 9; key++) {
            if (luhn(body + key)) {
                return body + key;
            }
        }
        throw new IllegalStateException();
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(RANDOM.nextInt(10));
        }
        return b.toString();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
