package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.FieldError;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.captcha.ProofOfWork;
import fr.asp.segur.application.document.DocumentService;
import fr.asp.segur.application.enrolment.EnrolmentForm;
import fr.asp.segur.application.enrolment.EnrolmentService;
import fr.asp.segur.application.captcha.IssuedCaptcha;
import fr.asp.segur.domain.enrolment.DocumentKind;
import fr.asp.segur.domain.enrolment.TiersQuality;
import fr.asp.segur.domain.model.RequestNumber;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The enrolment EJBs in the deployed EAR, against PostgreSQL: every rule holds even without the page. */
@ExtendWith(ArquillianExtension.class)
class EnrolmentServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(EnrolmentServiceIT.class, Fixtures.class);
    }

    @EJB
    EnrolmentService enrolment;
    @EJB
    DocumentService documents;
    @EJB
    CaptchaService captcha;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private void upload(String draft, DocumentKind... kinds) {
        for (DocumentKind kind : kinds) {
            documents.stage(draft, kind, kind.name().toLowerCase() + ".pdf", new ByteArrayInputStream(Fixtures.pdf()));
        }
    }

    private void solveCaptcha(EnrolmentForm form) {
        IssuedCaptcha challenge = captcha.issue();
        form.setCaptchaId(challenge.id());
        form.setCaptchaAnswer(Fixtures.solveCaptcha(challenge));
    }

    @Test
    void submittingStoresTheRequestItsPeopleDocumentsAndAcknowledgementTogether() throws Exception {
        String draft = Fixtures.newDraft();
        upload(draft, DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
        EnrolmentForm form = Fixtures.representativeForm("maelys.martin@kalinka.fr");
        solveCaptcha(form);

        RequestNumber number = enrolment.submit(form, draft);

        assertTrue(number.value().matches("ENR[0-9A-Z]{6}"), number.value());
        assertEquals(1, Fixtures.count(ds, "select count(*) from enrolment_request where request_number = ? "
                + "and status = 'SOUMISE' and siret = ? and bank_domiciliation = 'CE MID PYRENEES TOULOUSE' "
                + "and distributor = false and filer_is_representative = true", number.value(), Fixtures.KALINKA_SIRET));
        assertEquals(1, Fixtures.count(ds, "select count(*) from request_person p join enrolment_request r "
                + "on r.id = p.request_id where r.request_number = ? and p.role = 'REPRESENTANT' and p.phone = '0326212121'",
                number.value()));
        assertEquals(3, Fixtures.count(ds, "select count(*) from document d join enrolment_request r on r.id = d.request_id "
                + "join document_content c on c.document_id = d.id where r.request_number = ? and d.draft_token is null",
                number.value()));
        assertEquals(0, Fixtures.count(ds, "select count(*) from document where draft_token = ?", draft));
        assertEquals(1, Fixtures.count(ds, "select count(*) from request_history h join enrolment_request r "
                + "on r.id = h.request_id where r.request_number = ? and h.to_status = 'SOUMISE' and h.from_status is null",
                number.value()));
        assertEquals(1, Fixtures.count(ds, "select count(*) from mail_message where recipient = ? and subject like ?",
                "maelys.martin@kalinka.fr", "%" + number.value()));
    }

    @Test
    void aBypassedPageCannotSubmitBrokenRules() throws Exception {
        String draft = Fixtures.newDraft();
        upload(draft, DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT,
                DocumentKind.PIECE_IDENTITE_DEPOSITAIRE, DocumentKind.RIB);
        EnrolmentForm form = Fixtures.representativeForm("rep@kalinka.fr");
        Fixtures.makeTiers(form, TiersQuality.CENTRE_DE_GESTION, "cabinet@compta.fr");
        form.setDepositaireEmailConfirmation("autre@compta.fr");
        form.setIban("FR7613135000800800267924624");
        form.setBic("DEUTDEFF");
        form.setRepresentativePhone("12345");
        form.setPenalCodeAcknowledged(false);
        solveCaptcha(form);
        long before = Fixtures.count(ds, "select count(*) from enrolment_request");

        BusinessRuleException refused = assertThrows(BusinessRuleException.class, () -> enrolment.submit(form, draft));

        List<String> messages = refused.errors().stream().map(FieldError::message).toList();
        assertTrue(messages.contains("Le document « Contrat de prestation » est obligatoire."), messages.toString());
        assertTrue(messages.contains("Les deux adresses email ne sont pas identiques."), messages.toString());
        assertTrue(messages.contains("La clé de contrôle de l'IBAN est incorrecte."), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Le numéro de téléphone")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("441-7")), messages.toString());
        assertEquals(before, Fixtures.count(ds, "select count(*) from enrolment_request"));
        assertEquals(4, Fixtures.count(ds, "select count(*) from document where draft_token = ?", draft));
    }

    @Test
    void aBicFromAnotherCountryIsRefused() {
        EnrolmentForm form = Fixtures.representativeForm("rep@kalinka.fr");
        form.setBic("DEUTDEFF");
        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> enrolment.checkBankStep(form, Fixtures.newDraft()));
        assertTrue(refused.errors().stream().anyMatch(e -> e.field().equals("bic")
                && e.message().startsWith("Le BIC ne correspond pas au pays de l'IBAN")), refused.errors().toString());
    }

    @Test
    void aFailureDuringSubmissionLeavesNothingHalfWritten() throws Exception {
        // The outbox insert is the last write of a submission: make the database refuse it.
        Fixtures.execute(ds, "create or replace function refuse_mail() returns trigger language plpgsql as $$ "
                + "begin if new.recipient = 'panne@kalinka.fr' then raise exception 'disk full'; end if; "
                + "return new; end $$");
        Fixtures.execute(ds, "create trigger refuse_mail before insert on mail_message for each row execute function refuse_mail()");
        try {
            String draft = Fixtures.newDraft();
            upload(draft, DocumentKind.CERTIFICAT_REFERENCEMENT, DocumentKind.PIECE_IDENTITE_REPRESENTANT, DocumentKind.RIB);
            EnrolmentForm form = Fixtures.representativeForm("panne@kalinka.fr");
            solveCaptcha(form);
            long requests = Fixtures.count(ds, "select count(*) from enrolment_request");
            long people = Fixtures.count(ds, "select count(*) from request_person");

            assertThrows(EJBException.class, () -> enrolment.submit(form, draft));

            assertEquals(requests, Fixtures.count(ds, "select count(*) from enrolment_request"));
            assertEquals(people, Fixtures.count(ds, "select count(*) from request_person"));
            assertEquals(3, Fixtures.count(ds, "select count(*) from document where draft_token = ? and request_id is null", draft));
        } finally {
            Fixtures.execute(ds, "drop trigger refuse_mail on mail_message");
        }
    }

    @Test
    void aCaptchaIsSolvedOnlyByItsProofOfWorkCheckedOnceAndExpires() throws Exception {
        IssuedCaptcha challenge = captcha.issue();
        assertFalse(challenge.challengeJson().contains("\"number\""), "the page never carries the answer");
        String right = Fixtures.solveCaptcha(challenge);
        long number = Long.parseLong(new String(java.util.Base64.getDecoder().decode(right)).replaceAll(".*\"number\":(\\d+).*", "$1"));
        BusinessRuleException wrong = assertThrows(CaptchaService.SpentCaptchaException.class,
                () -> captcha.check("captcha", challenge.id(), Fixtures.captchaPayload(challenge.challengeJson(), number + 1)));
        assertEquals(CaptchaService.WRONG, wrong.getMessage());
        BusinessRuleException reused = assertThrows(BusinessRuleException.class,
                () -> captcha.check("captcha", challenge.id(), right));
        assertEquals(CaptchaService.ALREADY_USED, reused.getMessage(), "a wrong answer spends the challenge");

        IssuedCaptcha solved = captcha.issue();
        String solution = Fixtures.solveCaptcha(solved);
        captcha.check("captcha", solved.id(), solution);
        BusinessRuleException replayed = assertThrows(BusinessRuleException.class,
                () -> captcha.check("captcha", solved.id(), solution));
        assertEquals(CaptchaService.ALREADY_USED, replayed.getMessage());
        assertEquals(1, Fixtures.count(ds, "select count(*) from captcha_challenge where id = ? and used", solved.id()));

        // Another page's challenge, garbage, a challenge signed with another key: refused, nothing spent.
        IssuedCaptcha mine = captcha.issue();
        IssuedCaptcha theirs = captcha.issue();
        assertEquals(CaptchaService.WRONG, assertThrows(BusinessRuleException.class,
                () -> captcha.check("captcha", mine.id(), Fixtures.solveCaptcha(theirs))).getMessage());
        assertEquals(CaptchaService.WRONG, assertThrows(BusinessRuleException.class,
                () -> captcha.check("captcha", mine.id(), "bm90IGEgcGF5bG9hZA==")).getMessage());
        IssuedCaptcha forged = new ProofOfWork("not-the-portal-key", 1000).issue(Instant.now().plusSeconds(600));
        assertEquals(CaptchaService.WRONG, assertThrows(BusinessRuleException.class,
                () -> captcha.check("captcha", forged.id(), Fixtures.solveCaptcha(forged))).getMessage());
        assertEquals(0, Fixtures.count(ds, "select count(*) from captcha_challenge where id in (?, ?)", mine.id(), forged.id()));
        assertEquals(CaptchaService.MISSING, assertThrows(BusinessRuleException.class,
                () -> captcha.check("captcha", mine.id(), " ")).getMessage());
        captcha.check("captcha", mine.id(), Fixtures.solveCaptcha(mine));

        // Expired: a challenge signed with the portal's key whose expiry has passed.
        String key = Fixtures.string(ds, "select secret_value from app_secret where name = 'captcha.hmac-key'");
        IssuedCaptcha old = new ProofOfWork(key, 1000).issue(Instant.now().minusSeconds(1));
        BusinessRuleException expired = assertThrows(BusinessRuleException.class,
                () -> captcha.check("captcha", old.id(), Fixtures.solveCaptcha(old)));
        assertEquals(CaptchaService.EXPIRED, expired.getMessage());
    }

    @Test
    void referentialRulesRefuseUnknownWithdrawnAndClosed() {
        assertEquals("RADIO RIS LOGICIEL 1", enrolment.findSoftware(" 0215JUG63A ").name());
        assertThrows(BusinessRuleException.class, () -> enrolment.findSoftware("inconnu999"));
        BusinessRuleException withdrawn = assertThrows(BusinessRuleException.class, () -> enrolment.findSoftware("retire001x"));
        assertTrue(withdrawn.getMessage().contains("retiré"));

        IssuedCaptcha c1 = captcha.issue();
        BusinessRuleException closed = assertThrows(BusinessRuleException.class,
                () -> enrolment.findCompany("90577812200010", Fixtures.SOFTWARE, c1.id(), Fixtures.solveCaptcha(c1)));
        assertTrue(closed.getMessage().contains("fermé"));

        IssuedCaptcha c2 = captcha.issue();
        var distributor = enrolment.findCompany("906 814 538 00011", "cegedim01a", c2.id(), Fixtures.solveCaptcha(c2));
        assertTrue(distributor.distributor());
        assertEquals("CEGEDIM LOGICIELS MEDICAUX FRANCE", distributor.editorName());
    }

    @Test
    void anExecutableRenamedPdfIsRefusedAndNothingIsStored() throws Exception {
        String draft = Fixtures.newDraft();
        byte[] elf = new byte[2048];
        elf[0] = 0x7F;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> documents.stage(draft, DocumentKind.RIB, "rib.pdf", new ByteArrayInputStream(elf)));
        assertTrue(refused.getMessage().startsWith("Type de fichier non accepté"), refused.getMessage());
        assertEquals(0, Fixtures.count(ds, "select count(*) from document where draft_token = ?", draft));
    }
}
