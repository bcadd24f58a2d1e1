package fr.asp.segur.system;

import static fr.asp.segur.system.EnrolmentWizardPage.APPLICANT;
import static fr.asp.segur.system.EnrolmentWizardPage.BANK;
import static fr.asp.segur.system.EnrolmentWizardPage.CONFIRMATION;
import static fr.asp.segur.system.EnrolmentWizardPage.FILE_UPLOADED;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The supplier guide's journeys through the enrolment wizard, in a real browser, down to the stored request
 * and the acknowledgement email: as the legal representative, as a tiers déclarant (both qualities) and as a
 * distributor who changes the dénomination sociale. Also « Quitter sans enregistrer » and the model contract.
 */
class EnrolmentJourneysIT extends BrowserJourney {

    private static final String KALINKA_SOFTWARE = "0215jug63a";
    private static final String KALINKA_SIRET = "81120705900015";
    private static final String CEGEDIM_SOFTWARE = "cegedim01a";
    private static final String DISTRIMED_SIRET = "90681453800011";
    private static final String GUIDE_IBAN = "FR7613135000800800267924623";
    private static final String GUIDE_BIC = "CEPAFRPP313";
    private static final String OCCITANE_IBAN = "FR7617807000430512179603697";
    private static final String OCCITANE_BIC = "CCBPFRPPTLS";

    private SampleFiles files;
    private EnrolmentWizardPage wizard;
    /** Makes this test's emails and file names its own, so that reruns and other tests never match them. */
    private String tag;

    @BeforeEach
    void openWizard() {
        files = new SampleFiles(tmp);
        tag = Long.toString(System.nanoTime(), 36);
        wizard = new EnrolmentWizardPage(browser, base).open();
    }

    @Test
    void legalRepresentativeEnrolsTheSoftwareOfTheirCompany() throws Exception {
        Person representative = new Person("Martin", "Maelys", "maelys.martin." + tag + "@kalinka.fr", "0326212121");

        // 1 - Logiciel
        wizard.searchSoftware(KALINKA_SOFTWARE);
        assertThat(browser.text("softwareName")).isEqualTo("RADIO RIS LOGICIEL 1");
        assertThat(browser.text("softwareVersion")).isEqualTo("2.1");
        assertThat(browser.text("softwareDsr")).contains("Radiologie");
        assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT")).isEqualTo(EnrolmentWizardPage.NO_FILE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);

        // 2 - Demandeur
        wizard.searchCompany(KALINKA_SIRET);
        assertThat(browser.value("enrolment:denomination")).isEqualTo("KALINKA");
        assertThat(browser.value("enrolment:commercialName")).isEqualTo("KALINKA");
        assertThat(browser.text("streetNumber")).isEqualTo("23");
        assertThat(browser.text("streetType")).isEqualTo("PLACE");
        assertThat(browser.text("streetName")).isEqualTo("THIARS");
        assertThat(browser.text("postalCode")).isEqualTo("13001");
        assertThat(browser.text("city")).isEqualTo("MARSEILLE 01");
        assertThat(wizard.hasUpload("KBIS")).as("kbis only when the dénomination changes").isFalse();
        assertThat(browser.isPresent("distributorNotice")).as("KALINKA edits the software").isFalse();
        wizard.legalRepresentative(true);
        assertThat(browser.isPresent("enrolment:depositaireLastName")).isFalse();
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("Martin Maelys " + tag + ".png"));
        wizard.next(BANK);

        // 3 - Coordonnées bancaires
        wizard.bank(GUIDE_IBAN, GUIDE_BIC, "MARTIN MAELYS");
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(wizard.domiciliation()));
        assertThat(browser.present("enrolment:domiciliation").getDomAttribute("readonly")).isNotNull();
        wizard.upload("RIB", files.pdf("RIB " + OCCITANE_IBAN + " " + tag + ".pdf"));
        wizard.next(CONFIRMATION);

        // 4 - Confirmation: the recap, then « Terminer »
        String recap = wizard.recap();
        assertThat(recap).contains(KALINKA_SOFTWARE, "RADIO RIS LOGICIEL 1", "certificat-" + tag + ".pdf",
                KALINKA_SIRET, "KALINKA", "THIARS", "MARSEILLE 01", representative.email(), "0326212121",
                "Martin Maelys " + tag + ".png", "FR76 1313 5000 8008 0026 7924 623", GUIDE_BIC, "MARTIN MAELYS", "CE MID PYRENEES TOULOUSE");
        String number = wizard.finish();

        Map<String, Object> request = Database.request(number);
        assertThat(request).containsEntry("status", "SOUMISE").containsEntry("siret", KALINKA_SIRET)
                .containsEntry("filer_is_representative", true).containsEntry("distributor", false)
                .containsEntry("denomination", "KALINKA").containsEntry("referencing_number", KALINKA_SOFTWARE)
                .containsEntry("iban", GUIDE_IBAN).containsEntry("bank_domiciliation", "CE MID PYRENEES TOULOUSE");
        assertThat(request.get("tiers_quality")).isNull();
        long id = ((Number) request.get("id")).longValue();
        assertThat(Database.documentKinds(id))
                .containsExactlyInAnyOrder("CERTIFICAT_REFERENCEMENT", "PIECE_IDENTITE_REPRESENTANT", "RIB");
        Map<String, Map<String, Object>> people = Database.people(id);
        assertThat(people).containsOnlyKeys("REPRESENTANT");
        assertThat(people.get("REPRESENTANT")).containsEntry("last_name", "Martin")
                .containsEntry("first_name", "Maelys").containsEntry("email", representative.email())
                .containsEntry("phone", "0326212121");

        assertAcknowledged(representative.email(), number);

        // « OK » leaves the confirmation for the home page.
        browser.click("doneOk");
        browser.visible("start-enrolment");
        assertThat(browser.driver().getCurrentUrl()).contains("/segurnum/index.xhtml");
    }

    @Test
    void tiersDeclarantForAManagementCentreUploadsTheServiceContract() throws Exception {
        tiersDeclarantJourney("Centre de gestion, expert-comptable...", "CENTRE_DE_GESTION", "CONTRAT_PRESTATION",
                "Contrat de prestation", "MANDAT_REPRESENTANT");
    }

    @Test
    void tiersDeclarantEmployeeUploadsTheLegalRepresentativesMandate() throws Exception {
        tiersDeclarantJourney("Employé de la personne morale", "EMPLOYE", "MANDAT_REPRESENTANT",
                "Mandat du représentant légal", "CONTRAT_PRESTATION");
    }

    private void tiersDeclarantJourney(String qualityLabel, String quality, String documentKind, String documentLabel,
                                       String otherKind) throws Exception {
        Person representative = new Person("Martin", "Maelys", "representant." + tag + "@kalinka.fr", "04 91 12 34 56");
        Person depositaire = new Person("D'Almeida", "Chloé", "chloe.dalmeida." + tag + "@cabinet-dalmeida.fr", "0612345678");

        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);

        wizard.searchCompany(KALINKA_SIRET);
        wizard.legalRepresentative(false);
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.pdf("cni-representant-" + tag + ".pdf"));
        wizard.person("depositaire", depositaire);
        wizard.upload("PIECE_IDENTITE_DEPOSITAIRE", files.png("cni-depositaire-" + tag + ".png"));
        assertThat(browser.text("modelContrat")).isEqualTo("Modèle contrat de prestation");
        assertThat(browser.text("modelMandat")).isEqualTo("Modèle de mandat");
        assertThat(wizard.hasUpload(documentKind)).as("%s before the quality is chosen", documentKind).isFalse();
        wizard.tiersQuality(qualityLabel);
        browser.present("enrolment:" + documentKind + "_input");
        assertThat(wizard.hasUpload(otherKind)).isFalse();
        assertThat(browser.text("enrolment:tiersDocuments")).contains(documentLabel + " * :");
        wizard.upload(documentKind, files.pdf(documentKind.toLowerCase() + "-" + tag + ".pdf"));
        wizard.next(BANK);

        wizard.bank(OCCITANE_IBAN, OCCITANE_BIC, "KALINKA");
        browser.waiting().until(d -> "BANQUE POPULAIRE OCCITANE".equals(wizard.domiciliation()));
        wizard.upload("RIB", files.png("rib-" + tag + ".png"));
        wizard.next(CONFIRMATION);

        assertThat(wizard.recap()).contains(depositaire.email(), qualityLabel, documentKind.toLowerCase() + "-" + tag + ".pdf",
                "cni-depositaire-" + tag + ".png", "BANQUE POPULAIRE OCCITANE");
        String number = wizard.finish();

        Map<String, Object> request = Database.request(number);
        assertThat(request).containsEntry("status", "SOUMISE").containsEntry("siret", KALINKA_SIRET)
                .containsEntry("filer_is_representative", false).containsEntry("tiers_quality", quality)
                .containsEntry("distributor", false).containsEntry("denomination", "KALINKA");
        long id = ((Number) request.get("id")).longValue();
        assertThat(Database.documentKinds(id)).containsExactlyInAnyOrder("CERTIFICAT_REFERENCEMENT",
                "PIECE_IDENTITE_REPRESENTANT", "PIECE_IDENTITE_DEPOSITAIRE", documentKind, "RIB");
        Map<String, Map<String, Object>> people = Database.people(id);
        assertThat(people).containsOnlyKeys("REPRESENTANT", "DEPOSITAIRE");
        assertThat(people.get("REPRESENTANT")).containsEntry("email", representative.email())
                .containsEntry("phone", "0491123456");
        assertThat(people.get("DEPOSITAIRE")).containsEntry("last_name", "D'Almeida").containsEntry("first_name", "Chloé")
                .containsEntry("email", depositaire.email()).containsEntry("phone", "0612345678");

        // Both people are told, each once.
        String toRepresentative = assertAcknowledged(representative.email(), number);
        String toDepositaire = assertAcknowledged(depositaire.email(), number);
        assertThat(toRepresentative).contains("tiers déclarant");
        // The plain-text part is not HTML: nothing in it is escaped.
        assertThat(toDepositaire).contains("Bonjour Chloé D'Almeida,", "- " + documentLabel + " : ");
    }

    @Test
    void distributorWithAChangedDenominationUploadsKbisAndTheEditorsMandate() throws Exception {
        Person representative = new Person("Bernard", "Louis", "louis.bernard." + tag + "@distrimed.fr", "0478123456");
        String denomination = "DISTRIMED SERVICES SANTE";

        wizard.searchSoftware(CEGEDIM_SOFTWARE);
        assertThat(browser.text("softwareName")).isEqualTo("CEGEDIM MEDECIN LGC");
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);

        wizard.searchCompany(DISTRIMED_SIRET);
        assertThat(browser.value("enrolment:denomination")).isEqualTo("DISTRIMED SERVICES");
        assertThat(browser.text("editorName")).isEqualTo("CEGEDIM LOGICIELS MEDICAUX FRANCE");
        assertThat(browser.text("distributorNotice")).contains("CEGEDIM LOGICIELS MEDICAUX FRANCE", "distributeur");
        assertThat(wizard.hasUpload("MANDAT_EDITEUR")).isTrue();
        assertThat(wizard.hasUpload("KBIS")).isFalse();

        wizard.denomination(denomination);
        browser.present("enrolment:KBIS_input");
        assertThat(browser.text("enrolment:KBIS_help")).contains("Kbis");
        wizard.upload("KBIS", files.pdf("kbis-" + tag + ".pdf"));
        wizard.upload("MANDAT_EDITEUR", files.pdf("mandat-editeur-" + tag + ".pdf"));
        wizard.legalRepresentative(true);
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("cni-" + tag + ".png"));
        wizard.next(BANK);

        // « ← Etape précédente » keeps what was typed and uploaded.
        wizard.back(APPLICANT);
        assertThat(browser.value("enrolment:denomination")).isEqualTo(denomination);
        assertThat(browser.value("enrolment:representativeEmail")).isEqualTo(representative.email());
        assertThat(wizard.uploadStatus("KBIS")).isEqualTo(FILE_UPLOADED + "kbis-" + tag + ".pdf");
        assertThat(wizard.uploadStatus("MANDAT_EDITEUR")).isEqualTo(FILE_UPLOADED + "mandat-editeur-" + tag + ".pdf");
        wizard.next(BANK);

        wizard.bank(GUIDE_IBAN, GUIDE_BIC, denomination);
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(wizard.domiciliation()));
        wizard.upload("RIB", files.pdf("rib-" + tag + ".pdf"));
        wizard.next(CONFIRMATION);

        assertThat(wizard.recap()).contains(denomination, "CEGEDIM LOGICIELS MEDICAUX FRANCE", "kbis-" + tag + ".pdf",
                "mandat-editeur-" + tag + ".pdf");
        String number = wizard.finish();

        Map<String, Object> request = Database.request(number);
        assertThat(request).containsEntry("status", "SOUMISE").containsEntry("siret", DISTRIMED_SIRET)
                .containsEntry("filer_is_representative", true).containsEntry("distributor", true)
                .containsEntry("denomination", denomination)
                .containsEntry("referential_denomination", "DISTRIMED SERVICES")
                .containsEntry("editor_name", "CEGEDIM LOGICIELS MEDICAUX FRANCE");
        assertThat(request.get("tiers_quality")).isNull();
        long id = ((Number) request.get("id")).longValue();
        assertThat(Database.documentKinds(id)).containsExactlyInAnyOrder("CERTIFICAT_REFERENCEMENT", "KBIS",
                "MANDAT_EDITEUR", "PIECE_IDENTITE_REPRESENTANT", "RIB");
        assertThat(Database.people(id)).containsOnlyKeys("REPRESENTANT");

        String mail = assertAcknowledged(representative.email(), number);
        assertThat(mail).contains("Personne morale : " + denomination + ", SIRET " + DISTRIMED_SIRET,
                "- Mandat de l'éditeur pour le distributeur : mandat-editeur-" + tag + ".pdf",
                "- kbis : kbis-" + tag + ".pdf");
    }

    @Test
    void companyUnknownToTheReferentialTypesItsNameAndAddressAndIsFlaggedSiretNonVerifie() throws Exception {
        String newSiret = "91234570900014"; // valid, created after the last SIRENE sync
        Person representative = new Person("Petit", "Ines", "ines.petit." + tag + "@jeune-pousse.fr", "0472000000");

        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);

        wizard.searchCompany(newSiret);
        assertThat(browser.text("siretUnverifiedNotice")).contains("ne figure pas encore dans le répertoire SIRENE");
        assertThat(browser.value("enrolment:denomination")).isEmpty();
        assertThat(wizard.hasUpload("KBIS")).isTrue();
        assertThat(wizard.hasUpload("MANDAT_EDITEUR")).isTrue();

        wizard.denomination("JEUNE POUSSE SANTE");
        browser.type("enrolment:commercialName", "JEUNE POUSSE");
        browser.type("enrolment:streetNumber", "8");
        new org.openqa.selenium.support.ui.Select(browser.present("enrolment:streetType")).selectByValue("AV");
        browser.type("enrolment:streetName", "Jean Jaurès");
        browser.type("enrolment:postalCode", "6900"); // one digit short
        browser.type("enrolment:city", "Lyon");
        wizard.upload("KBIS", files.pdf("kbis-" + tag + ".pdf"));
        wizard.upload("MANDAT_EDITEUR", files.pdf("mandat-editeur-" + tag + ".pdf"));
        wizard.legalRepresentative(true);
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("cni-" + tag + ".png"));
        assertThat(wizard.nextRefused()).contains("Le code postal doit comporter 5 chiffres.");

        browser.type("enrolment:postalCode", "69007");
        browser.blur();
        wizard.next(BANK);
        wizard.bank(GUIDE_IBAN, GUIDE_BIC, "JEUNE POUSSE SANTE");
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(wizard.domiciliation()));
        wizard.upload("RIB", files.pdf("rib-" + tag + ".pdf"));
        wizard.next(CONFIRMATION);

        assertThat(wizard.recap()).contains("SIRET non vérifié", "AVENUE", "Jean Jaurès", "69007");
        String number = wizard.finish();

        Map<String, Object> request = Database.request(number);
        assertThat(request).containsEntry("siret", newSiret).containsEntry("siret_verification", "NON_VERIFIE")
                .containsEntry("denomination", "JEUNE POUSSE SANTE").containsEntry("street_number", "8")
                .containsEntry("street_type", "AV").containsEntry("street_name", "JEAN JAURÈS")
                .containsEntry("postal_code", "69007").containsEntry("city", "LYON");
        assertThat(request.get("referential_denomination")).isNull();
    }

    @Test
    void quitWithoutSavingAsksForConfirmationThenForgetsTheDraftAndGoesHome() {
        String certificate = "certificat-" + tag + ".pdf";
        String draft = wizard.draftId();
        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf(certificate));
        assertThat(Database.count("select count(*) from document where file_name = ?", certificate)).isEqualTo(1);

        // « Non, continuer ma demande » keeps everything.
        browser.click("enrolment:quit");
        assertThat(browser.visible("enrolment:quitDialog").getText())
                .contains("Voulez-vous vraiment quitter ?", "seront supprimés");
        browser.click("enrolment:quitCancel");
        browser.waiting().until(d -> !d.findElement(By.id("enrolment:quitDialog")).isDisplayed());
        assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT")).isEqualTo(FILE_UPLOADED + certificate);

        // « Oui, quitter » forgets the draft and shows the home page.
        browser.click("enrolment:quit");
        browser.visible("enrolment:quitDialog");
        browser.click("enrolment:quitConfirm");
        browser.visible("start-enrolment");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/segurnum/index.xhtml");
        assertThat(browser.text("start-enrolment")).isEqualTo("Effectuer ma demande d'enrôlement");
        assertThat(Database.count("select count(*) from document where file_name = ?", certificate)).isZero();
        assertThat(Database.count("select count(*) from enrolment_draft where id = ?", draft)).isZero();
    }

    @Test
    void serviceContractModelLinkDownloadsAPdf() throws Exception {
        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);
        wizard.searchCompany(KALINKA_SIRET);
        wizard.legalRepresentative(false);

        for (String link : List.of("modelContrat", "modelMandat")) {
            String href = browser.present(link).getDomProperty("href");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).as(href).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/pdf"));
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    /** The acknowledgement reached {@code recipient}, names the request in its subject and its body. */
    private String assertAcknowledged(String recipient, String number) throws Exception {
        MimeMessage mail = Mailbox.awaitMail(greenMail, recipient, number);
        assertThat(mail.getSubject()).contains("Accusé de réception", number);
        String body = Mailbox.text(mail);
        assertThat(body).contains("Numéro de votre demande : " + number);
        long copies = java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(number) && m.getAllRecipients()[0].toString().equalsIgnoreCase(recipient);
            } catch (Exception e) {
                return false;
            }
        }).count();
        assertThat(copies).as("emails to %s about %s", recipient, number).isEqualTo(1);
        return body;
    }
}
