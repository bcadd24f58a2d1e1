package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.ApplicantCompany;
import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.enrolment.SiretRecheck;
import fr.asp.segur.application.instruction.RequestDetail;
import fr.asp.segur.application.instruction.RequestQueries;
import fr.asp.segur.application.captcha.IssuedCaptcha;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.SiretVerification;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Degraded mode (issue 3): a valid SIRET that the local SIRENE referential does not know yet does not
 * block the supplier, the request is flagged "SIRET non vérifié", and the re-check after a sync records
 * what the referential says then.
 */
@ExtendWith(ArquillianExtension.class)
class SiretDegradedModeIT {

    /** Valid SIRETs (Luhn on SIREN and SIRET) that the sample referential does not hold. */
    static final String NEW_COMPANY_SIRET = "91234567500017";
    static final String LATER_CLOSED_SIRET = "91234568300011";
    static final String STILL_UNKNOWN_SIRET = "91234569100014";
    static final DocumentKind[] WITH_KBIS = {DocumentKind.CERTIFICAT_REFERENCEMENT,
            DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB, DocumentKind.KBIS, DocumentKind.MANDAT_EDITEUR};

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(SiretDegradedModeIT.class, Fixtures.class, People.class);
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @EJB
    SiretRecheck recheck;
    @EJB
    RequestQueries queries;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private static EnrolmentForm newCompanyForm(String siret, String email) {
        EnrolmentForm form = Fixtures.representativeForm(email);
        form.setSiret(siret);
        form.setDenomination("JEUNE POUSSE SANTE");
        form.setCommercialName("JEUNE POUSSE");
        form.setStreetNumber("12");
        form.setStreetType("RUE");
        form.setStreetName("de la République");
        form.setPostalCode("69002");
        form.setCity("Lyon");
        return form;
    }

    private String submit(EnrolmentForm form) {
        return Fixtures.submit(enrolment, documents, captcha, form, WITH_KBIS);
    }

    @Test
    void aValidSiretUnknownToSireneIsFoundAsUnverifiedWithItsEditorAnswerFromTheSiren() {
        IssuedCaptcha challenge = captcha.issue();
        ApplicantCompany company = enrolment.findCompany(NEW_COMPANY_SIRET, Fixtures.SOFTWARE, challenge.id(),
                Fixtures.solveCaptcha(challenge));

        assertFalse(company.verified());
        assertEquals(NEW_COMPANY_SIRET, company.siret());
        assertNull(company.legalName());
        assertNull(company.streetName());
        assertTrue(company.distributor(), "the SIREN is not KALINKA's, the software's editor");

        IssuedCaptcha again = captcha.issue();
        assertTrue(enrolment.findCompany(Fixtures.KALINKA_SIRET, Fixtures.SOFTWARE, again.id(), Fixtures.solveCaptcha(again))
                .verified());
    }

    @Test
    void anInvalidOrClosedSiretIsStillRefused() {
        IssuedCaptcha challenge = captcha.issue();
        BusinessRuleException invalid = assertThrows(BusinessRuleException.class,
                () -> enrolment.findCompany("91234567500018", Fixtures.SOFTWARE, challenge.id(), Fixtures.solveCaptcha(challenge)));
        assertEquals("siret", invalid.errors().get(0).field());

        IssuedCaptcha other = captcha.issue();
        BusinessRuleException closed = assertThrows(BusinessRuleException.class,
                () -> enrolment.findCompany("90577812200010", Fixtures.SOFTWARE, other.id(), Fixtures.solveCaptcha(other)));
        assertTrue(closed.getMessage().contains("fermé"), closed.getMessage());
    }

    @Test
    void theSupplierMustTypeTheAddressAndJoinAKbis() throws Exception {
        EnrolmentForm form = newCompanyForm(NEW_COMPANY_SIRET, "sans.adresse@jeune-pousse.fr");
        form.setStreetType(null);
        form.setStreetName(" ");
        form.setPostalCode("6900");
        form.setCity(null);
        form.setStreetNumber("12bis");
        long before = Fixtures.count(ds, "select count(*) from enrolment_request");

        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> Fixtures.submit(enrolment, documents, captcha, form, DocumentKind.CERTIFICAT_REFERENCEMENT,
                        DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB, DocumentKind.MANDAT_EDITEUR));

        List<String> fields = refused.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("streetType", "streetName", "postalCode", "city", "streetNumber", "KBIS")),
                fields.toString());
        assertTrue(refused.getMessage().contains("Le code postal doit comporter 5 chiffres."), refused.getMessage());
        assertEquals(before, Fixtures.count(ds, "select count(*) from enrolment_request"), "nothing stored");
    }

    @Test
    void theRequestKeepsTheTypedCompanyAndIsFlaggedForTheAgents() throws Exception {
        String number = submit(newCompanyForm(NEW_COMPANY_SIRET, "contact@jeune-pousse.fr"));

        assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ?"
                + " and siret_verification = 'NON_VERIFIE' and siret_checked_at is null and denomination = 'JEUNE POUSSE SANTE'"
                + " and referential_denomination is null and street_number = '12' and street_type = 'RUE'"
                + " and street_name = 'DE LA RÉPUBLIQUE' and postal_code = '69002' and city = 'LYON' and distributor = true",
                number));
        RequestDetail detail = People.as(People.AGENT, () -> queries.detail(number));
        assertTrue(detail.isSiretUnverified());
        assertEquals("SIRET non vérifié", detail.getSiretVerification());
        RequestDetail.Check siretCheck = detail.getChecks().stream()
                .filter(c -> c.getLabel().startsWith("SIRET")).findFirst().orElseThrow();
        assertFalse(siretCheck.isOk());
        assertTrue(siretCheck.getExplanation().startsWith("SIRET non vérifié"), siretCheck.getExplanation());
    }

    @Test
    void theRecheckAfterASyncRecordsWhatSireneSaysNow() throws Exception {
        String confirmed = submit(newCompanyForm(NEW_COMPANY_SIRET, "confirme@jeune-pousse.fr"));
        String closed = submit(newCompanyForm(LATER_CLOSED_SIRET, "ferme@jeune-pousse.fr"));
        String unknown = submit(newCompanyForm(STILL_UNKNOWN_SIRET, "inconnu@jeune-pousse.fr"));
        String verified = Fixtures.submit(enrolment, documents, captcha, Fixtures.representativeForm("kalinka@kalinka.fr"),
                Fixtures.REPRESENTATIVE_DOCUMENTS);
        // What the next SIRENE sync brings: the first establishment active, the second closed.
        establishment(NEW_COMPANY_SIRET, "A", "JEUNE POUSSE SANTE SAS");
        establishment(LATER_CLOSED_SIRET, "F", "FERMEE ENTRE TEMPS");

        try {
            List<Long> pending = recheck.pendingAfter(0, 10_000);
            for (Long id : pending) {
                recheck.recheck(id);
            }
            long verifiedId = Fixtures.count(ds, "select id from enrolment_request where request_number = ?", verified);
            assertFalse(pending.contains(verifiedId), "a request verified at submission is not re-checked");

            assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ?"
                    + " and siret_verification = 'CONFIRME' and referential_denomination = 'JEUNE POUSSE SANTE SAS'"
                    + " and siret_checked_at is not null", confirmed));
            assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ?"
                    + " and siret_verification = 'FERME' and siret_checked_at is not null", closed));
            assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ?"
                    + " and siret_verification = 'NON_VERIFIE' and siret_checked_at is not null", unknown));
            assertEquals(1, Fixtures.count(ds, "select count(*) from audit_event where request_number = ?"
                    + " and action = 'VERIFICATION_SIRET'", confirmed));
            assertEquals(0, Fixtures.count(ds, "select count(*) from audit_event where request_number = ?"
                    + " and action = 'VERIFICATION_SIRET'", unknown));

            long confirmedId = Fixtures.count(ds, "select id from enrolment_request where request_number = ?", confirmed);
            assertEquals(SiretVerification.CONFIRME, recheck.recheck(confirmedId), "a second pass changes nothing");
            assertEquals(1, Fixtures.count(ds, "select count(*) from audit_event where request_number = ?"
                    + " and action = 'VERIFICATION_SIRET'", confirmed));
            RequestDetail detail = People.as(People.AGENT, () -> queries.detail(confirmed));
            assertFalse(detail.isSiretUnverified());
            assertTrue(detail.getChecks().stream().filter(c -> c.getLabel().startsWith("SIRET")).findFirst()
                    .orElseThrow().isOk());
        } finally {
            Fixtures.execute(ds, "delete from sirene_establishment where siret in (?, ?)", NEW_COMPANY_SIRET,
                    LATER_CLOSED_SIRET);
            Fixtures.execute(ds, "delete from sirene_legal_unit where siren in (?, ?)", NEW_COMPANY_SIRET.substring(0, 9),
                    LATER_CLOSED_SIRET.substring(0, 9));
        }
    }

    private void establishment(String siret, String state, String legalName) throws Exception {
        Fixtures.execute(ds, "insert into sirene_legal_unit (siren, denomination, state, last_processed_at)"
                + " values (?, ?, ?, ?)", siret.substring(0, 9), legalName, "F".equals(state) ? "C" : "A",
                Timestamp.valueOf(LocalDateTime.now()));
        Fixtures.execute(ds, "insert into sirene_establishment (siret, siren, head_office, street_number, street_type,"
                + " street_name, postal_code, city, state, last_processed_at) values (?, ?, true, '12', 'RUE',"
                + " 'DE LA REPUBLIQUE', '69002', 'LYON 02', ?, ?)", siret, siret.substring(0, 9), state,
                Timestamp.valueOf(LocalDateTime.now()));
    }
}
