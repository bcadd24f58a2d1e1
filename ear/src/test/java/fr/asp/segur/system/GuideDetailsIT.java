package fr.asp.segur.system;

import static fr.asp.segur.system.EnrolmentWizardPage.APPLICANT;
import static fr.asp.segur.system.EnrolmentWizardPage.BANK;
import static fr.asp.segur.system.EnrolmentWizardPage.CONFIRMATION;
import static fr.asp.segur.system.EnrolmentWizardPage.FILE_UPLOADED;
import static fr.asp.segur.system.EnrolmentWizardPage.GUIDE_BIC;
import static fr.asp.segur.system.EnrolmentWizardPage.GUIDE_IBAN;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SIRET;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SOFTWARE;
import static fr.asp.segur.system.EnrolmentWizardPage.NO_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supplier guide's details, exactly (issue 14): the SIRENE address complement in « Entrée / Bât /
 * Immeuble », the upload limit said with its real figure and checked before sending, a refused upload that
 * says the previous file is kept, a file name with a path, the IBAN in groups of four in the recap, and a
 * dénomination differing only by case or spaces that is no change.
 */
class GuideDetailsIT extends BrowserJourney {

    /** ASSOCIATION SERVICES MEDIATION, the guide's step 4 example; editor of aafy63256. */
    private static final String MEDIATION_SIRET = "47992882200069";
    private static final String MEDIATION_SOFTWARE = "aafy63256";
    private static final String LIMIT = "4 Mo (4 194 304 octets)";

    private SampleFiles files;
    private EnrolmentWizardPage wizard;
    private String tag;

    @BeforeEach
    void openWizard() {
        files = new SampleFiles(tmp);
        tag = Long.toString(System.nanoTime(), 36);
        wizard = new EnrolmentWizardPage(browser, base).open();
    }

    @Test
    void sireneAddressComplementGoesInEntranceAsTheGuideShows() {
        wizard.searchSoftware(MEDIATION_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);
        wizard.searchCompany(MEDIATION_SIRET);
        assertThat(browser.value("enrolment:denomination")).isEqualTo("ASSOCIATION SERVICES MEDIATION");
        assertThat(browser.value("enrolment:entrance")).isEqualTo("CENTRE CIAL LE SAINT PIERRE");
        assertThat(browser.value("enrolment:addressComplement")).as("left to the supplier").isEmpty();
        assertThat(browser.text("streetName")).isEqualTo("DE FIGUERAS");
    }

    @Test
    void theUploadLimitIsSaidExactlyAndAFileOverItNeverLeavesTheBrowser() {
        wizard.searchSoftware(KALINKA_SOFTWARE);
        assertThat(browser.driver().findElement(org.openqa.selenium.By.cssSelector(".field.upload")).getText()
                .replace('\u00a0', ' ')).contains("Taille maximum : " + LIMIT);
        Path tooBig = files.pdfOfSize("trop-gros-" + tag + ".pdf", SampleFiles.MAX_SIZE + 1);
        assertThat(wizard.uploadRefusedInBrowser("CERTIFICAT_REFERENCEMENT", tooBig,
                "Le fichier dépasse la taille maximum de " + LIMIT + "."))
                .as("the browser's message (the server's would name the document first)")
                .startsWith("Le fichier dépasse");
        assertThat(wizard.messages()).as("no round trip: the error summary is the server's").isEmpty();
        assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT")).isEqualTo(NO_FILE);
        assertThat(Database.count("select count(*) from document where file_name = ?",
                tooBig.getFileName().toString())).isZero();
    }

    @Test
    void aRefusedUploadSaysThePreviousFileIsKept() {
        wizard.searchSoftware(KALINKA_SOFTWARE);
        String kept = "certificat-" + tag + ".pdf";
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf(kept));
        Path executable = files.executable("programme-" + tag + ".pdf");
        wizard.chooseRefused("CERTIFICAT_REFERENCEMENT", executable);
        assertThat(wizard.fieldMessage("CERTIFICAT_REFERENCEMENT"))
                .contains("Le fichier déposé précédemment (« " + kept + " ») est conservé.");
        assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT")).isEqualTo(FILE_UPLOADED + kept);
        assertThat(Database.count("select count(*) from document where file_name = ?", kept)).isEqualTo(1);
    }

    @Test
    void aFileNameWithAPathGetsAPlainFrenchMessage() {
        wizard.searchSoftware(KALINKA_SOFTWARE);
        for (String name : new String[] {"../../etc/certificat.pdf", "..\\certificat.pdf"}) {
            wizard.uploadNamed("CERTIFICAT_REFERENCEMENT", name, files.pdf("contenu-" + tag + ".pdf"));
            browser.waiting().until(d -> !wizard.messages().isBlank()
                    || !wizard.uploadStatus("CERTIFICAT_REFERENCEMENT").equals(NO_FILE));
            browser.waitForAjax();
            String message = wizard.messages() + " " + wizard.fieldMessage("CERTIFICAT_REFERENCEMENT");
            assertThat(message).as("for %s", name).doesNotContain("Linux", "Windows");
            if (!wizard.uploadStatus("CERTIFICAT_REFERENCEMENT").equals(NO_FILE)) {
                // Accepted: the stored name lost its directory part.
                assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT")).isEqualTo(FILE_UPLOADED + "certificat.pdf");
            } else {
                // Refused either by PrimeFaces' file-name check in the page (its message in Messages.properties) or,
                // when the browser sends the name, by the server's DocumentInspector: a plain French sentence both.
                assertThat(message).containsPattern("Le nom du fichier (contient|ne doit pas contenir de) (un )?chemin");
            }
            browser.open(browser.driver().getCurrentUrl());
        }
    }

    @Test
    void theRecapShowsTheIbanInGroupsOfFourAndACaseChangeIsNoDenominationChange() {
        Person representative = new Person("Martin", "Maelys", "guide." + tag + "@kalinka.fr", "0326212121");
        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);
        wizard.searchCompany(KALINKA_SIRET);
        String sirene = browser.value("enrolment:denomination");
        wizard.denomination(sirene.toLowerCase(Locale.FRENCH) + "   ");
        assertThat(wizard.hasUpload("KBIS")).as("no Kbis for the same name in lower case").isFalse();
        wizard.denomination(sirene + " HOLDING");
        assertThat(wizard.hasUpload("KBIS")).as("another name needs a Kbis").isTrue();
        wizard.denomination(" " + sirene.toLowerCase(Locale.FRENCH));
        assertThat(wizard.hasUpload("KBIS")).isFalse();
        wizard.legalRepresentative(true);
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("cni-" + tag + ".png"));
        wizard.next(BANK);
        wizard.bank(GUIDE_IBAN.toLowerCase(Locale.ROOT), GUIDE_BIC, "MARTIN MAELYS");
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(wizard.domiciliation()));
        wizard.upload("RIB", files.pdf("rib-" + tag + ".pdf"));
        wizard.next(CONFIRMATION);
        assertThat(browser.text("recapIban")).isEqualTo("FR76 1313 5000 8008 0026 7924 623");
        String number = wizard.finish();

        Map<String, Object> request = Database.request(number);
        assertThat(request.get("denomination")).as("SIRENE's spelling kept").isEqualTo(sirene);
        assertThat(request.get("referential_denomination")).isEqualTo(sirene);
    }
}
