package fr.asp.segur.system;

import static fr.asp.segur.system.EnrolmentWizardPage.APPLICANT;
import static fr.asp.segur.system.EnrolmentWizardPage.BANK;
import static fr.asp.segur.system.EnrolmentWizardPage.NO_FILE;
import static fr.asp.segur.system.EnrolmentWizardPage.SOFTWARE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.application.document.HostileCorpus;
import fr.asp.segur.application.captcha.CaptchaService;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the wizard refuses, in a real browser: each refusal shows its French message on the page, the wizard
 * stays where it is and nothing is stored. One deployment for all of them; each test starts from a fresh page.
 */
class EnrolmentRefusalsIT extends BrowserJourney {

    private static final String KALINKA_SOFTWARE = "0215jug63a";
    private static final String KALINKA_SIRET = "81120705900015";
    private static final String GUIDE_IBAN = "FR7613135000800800267924623";
    private static final String GUIDE_BIC = "CEPAFRPP313";

    /** Nothing should be sent, but the portal's outbox must have somewhere to deliver. */
    private SampleFiles files;
    private EnrolmentWizardPage wizard;
    private String tag;
    private Person representative;

    @BeforeEach
    void openWizard() {
        files = new SampleFiles(tmp);
        tag = Long.toString(System.nanoTime(), 36);
        representative = new Person("Martin", "Maelys", "refus." + tag + "@kalinka.fr", "0326212121");
        wizard = new EnrolmentWizardPage(browser, base).open();
    }

    @Test
    void aWrongOrMissingCaptchaAtTheSiretSearchIsRefusedAndRenewed() {
        softwareStep();
        browser.type("enrolment:siret", KALINKA_SIRET);
        long requests = Database.count("select count(*) from enrolment_request");
        browser.click("enrolment:searchCompany");
        assertThat(wizard.waitForMessage(CaptchaService.MISSING)).isNotBlank();

        CaptchaWidget captcha = wizard.captcha("companyCaptcha");
        String challenge = captcha.challengeId();
        // A script's guess: the right challenge, a number that does not solve it.
        captcha.forge(Fixtures.captchaPayload(captcha.challengeJson(), -1));
        browser.click("enrolment:searchCompany");

        assertThat(wizard.waitForMessage(CaptchaService.WRONG)).isNotBlank();
        assertThat(browser.isPresent("enrolment:denomination")).as("no company shown").isFalse();
        assertThat(captcha.challengeId()).as("a new challenge").isNotEqualTo(challenge);
        assertThat(Database.count("select count(*) from captcha_challenge where id = ? and used", challenge))
                .as("the wrong answer spent the challenge").isEqualTo(1);
        assertThat(wizard.nextRefused()).contains("Saisissez le numéro de SIRET");
        assertThat(Database.count("select count(*) from enrolment_request")).isEqualTo(requests);

        // The widget, ticked, solves the new challenge.
        wizard.searchCompany(KALINKA_SIRET);
        assertThat(browser.value("enrolment:denomination")).isEqualTo("KALINKA");
    }

    @Test
    void ibanWithAWrongCheckIsRefused() {
        reachBankStep();
        wizard.bank("FR7613135000800800267924624", GUIDE_BIC, "MARTIN MAELYS");
        wizard.upload("RIB", files.pdf("rib-" + tag + ".pdf"));
        String messages = wizard.nextRefused();
        assertThat(messages).contains("La clé de contrôle de l'IBAN est incorrecte.");
        assertThat(browser.present("enrolment:iban").getDomAttribute("class")).contains("ui-state-error");
        assertThat(browser.value("enrolment:iban")).as("the refused IBAN stays in its field, to be corrected")
                .isEqualTo("FR7613135000800800267924624");
        assertThat(wizard.domiciliation()).isEqualTo("CE MID PYRENEES TOULOUSE");
        assertNothingStored();
    }

    @Test
    void bicOfAnotherCountryThanTheIbanIsRefused() {
        reachBankStep();
        wizard.bank(GUIDE_IBAN, "DEUTDEFF", "MARTIN MAELYS");
        wizard.upload("RIB", files.pdf("rib-" + tag + ".pdf"));
        assertThat(wizard.nextRefused()).contains("Le BIC ne correspond pas au pays de l'IBAN (FR).");
        assertThat(browser.value("enrolment:bic")).isEqualTo("DEUTDEFF");
        assertThat(wizard.currentStep()).isEqualTo(BANK);
        assertNothingStored();
    }

    @Test
    void mismatchedEmailConfirmationIsRefused() {
        softwareStep();
        wizard.searchCompany(KALINKA_SIRET);
        wizard.legalRepresentative(true);
        wizard.person("representative", new Person("Martin", "Maelys", representative.email(),
                "autre." + tag + "@kalinka.fr", "0326212121"));
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("cni-" + tag + ".png"));
        assertThat(wizard.nextRefused()).contains("Les deux adresses email ne sont pas identiques.");
        assertThat(browser.present("enrolment:representativeEmailConfirmation").getDomAttribute("class"))
                .contains("ui-state-error");
        assertThat(browser.value("enrolment:representativeEmailConfirmation")).isEqualTo("autre." + tag + "@kalinka.fr");
        assertNothingStored();
    }

    @Test
    void retiredSoftwareIsRefused() {
        browser.type("enrolment:referencingNumber", "retire001x");
        browser.click("enrolment:searchSoftware");
        assertThat(wizard.waitForMessage("Ce logiciel n'est plus référencé par l'ANS")).isNotBlank();
        assertThat(browser.isPresent("softwareName")).isFalse();
        assertThat(browser.value("enrolment:referencingNumber")).isEqualTo("retire001x");
        assertThat(wizard.nextRefused()).contains("Saisissez le N° unique de référencement (ANS)");
        assertThat(wizard.currentStep()).isEqualTo(SOFTWARE);
    }

    @Test
    void fileOfMoreThanFourMegabytesIsRefused() {
        wizard.searchSoftware(KALINKA_SOFTWARE);
        assertThat(wizard.nextRefused()).contains("Le document « Certificat de référencement » est obligatoire.");
        assertThat(wizard.fieldMessage("CERTIFICAT_REFERENCEMENT")).contains("est obligatoire");

        // The browser refuses it before sending it, with the limit's exact figure; the server's own check is
        // DocumentInspector's (unit tests), from the same constant.
        Path tooBig = files.pdfOfSize("trop-gros-" + tag + ".pdf", SampleFiles.MAX_SIZE + 1);
        assertThat(wizard.uploadRefusedInBrowser("CERTIFICAT_REFERENCEMENT", tooBig,
                "Le fichier dépasse la taille maximum de 4 Mo (4 194 304 octets).")).isNotBlank();
        assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT")).isEqualTo(EnrolmentWizardPage.NO_FILE);
        assertNotStored(tooBig);
        assertThat(wizard.currentStep()).isEqualTo(SOFTWARE);

        // Exactly 4 Mo is accepted, and the message beside the field goes.
        Path limit = files.pdfOfSize("limite-" + tag + ".pdf", SampleFiles.MAX_SIZE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", limit);
        assertThat(wizard.fieldMessage("CERTIFICAT_REFERENCEMENT")).isEmpty();
        assertThat(Database.count("select count(*) from document where file_name = ? and size_bytes = ?",
                limit.getFileName().toString(), (long) SampleFiles.MAX_SIZE)).isEqualTo(1);
    }

    @Test
    void executableRenamedPdfIsRefused() {
        wizard.searchSoftware(KALINKA_SOFTWARE);
        Path executable = files.executable("certificat-" + tag + ".pdf");
        wizard.uploadRefused("CERTIFICAT_REFERENCEMENT", executable, "Certificat de référencement : "
                + "Type de fichier non accepté : seuls les fichiers .png, .jpg, .jpeg ou .pdf sont autorisés.");
        assertNotStored(executable);
        assertThat(wizard.nextRefused()).contains("Le document « Certificat de référencement » est obligatoire.");
        assertThat(wizard.currentStep()).isEqualTo(SOFTWARE);
    }

    @Test
    void anInfectedPdfAndAPdfWithJavaScriptAreRefusedAndAnOrdinaryFileIsThenAccepted() throws Exception {
        wizard.searchSoftware(KALINKA_SOFTWARE);
        for (String label : new String[] {"EICAR dans un PDF", "PDF avec /OpenAction JavaScript"}) {
            HostileCorpus.HostileFile hostile = HostileCorpus.named(label);
            Path file = java.nio.file.Files.write(tmp.resolve("certificat-" + label.hashCode() + "-" + tag + ".pdf"),
                    hostile.content());
            wizard.uploadRefused("CERTIFICAT_REFERENCEMENT", file, "Certificat de référencement : " + hostile.message());
            assertNotStored(file);
        }
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT")).isNotEqualTo(NO_FILE);
    }

    @Test
    void managementCentreWithoutServiceContractCannotLeaveTheApplicantStep() {
        softwareStep();
        wizard.searchCompany(KALINKA_SIRET);
        wizard.legalRepresentative(false);
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.pdf("cni-representant-" + tag + ".pdf"));
        wizard.person("depositaire", new Person("Durand", "Chloé", "depositaire." + tag + "@cabinet.fr", "0612345678"));
        wizard.upload("PIECE_IDENTITE_DEPOSITAIRE", files.pdf("cni-depositaire-" + tag + ".pdf"));
        wizard.tiersQuality("Centre de gestion, expert-comptable...");
        assertThat(wizard.uploadStatus("CONTRAT_PRESTATION")).isEqualTo(NO_FILE);

        String messages = wizard.nextRefused();
        assertThat(messages).contains("Le document « Contrat de prestation » est obligatoire.");
        assertThat(messages).doesNotContain("Mandat du représentant légal");
        assertThat(wizard.currentStep()).isEqualTo(APPLICANT);
        assertNothingStored();

        assertThat(wizard.fieldMessage("CONTRAT_PRESTATION")).contains("Contrat de prestation");

        // With the contract, the supplier moves on.
        wizard.upload("CONTRAT_PRESTATION", files.pdf("contrat-" + tag + ".pdf"));
        assertThat(wizard.fieldMessage("CONTRAT_PRESTATION")).isEmpty();
        wizard.next(BANK);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private void softwareStep() {
        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);
    }

    private void reachBankStep() {
        softwareStep();
        wizard.searchCompany(KALINKA_SIRET);
        wizard.legalRepresentative(true);
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("cni-" + tag + ".png"));
        wizard.next(BANK);
    }

    /** No request names this test's people. */
    private void assertNothingStored() {
        assertThat(Database.count("select count(*) from request_person where email like ?", "%" + tag + "%"))
                .isZero();
        assertThat(Database.count("select count(*) from document where file_name like ? and request_id is not null",
                "%" + tag + "%")).isZero();
    }

    private static void assertNotStored(Path file) {
        assertThat(Database.count("select count(*) from document where file_name = ?", file.getFileName().toString()))
                .as("a refused file is not kept").isZero();
    }
}
