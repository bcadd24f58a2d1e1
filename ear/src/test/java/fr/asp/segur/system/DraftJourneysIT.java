package fr.asp.segur.system;

import static fr.asp.segur.system.EnrolmentWizardPage.APPLICANT;
import static fr.asp.segur.system.EnrolmentWizardPage.BANK;
import static fr.asp.segur.system.EnrolmentWizardPage.CONFIRMATION;
import static fr.asp.segur.system.EnrolmentWizardPage.FILE_UPLOADED;
import static fr.asp.segur.system.EnrolmentWizardPage.GUIDE_BIC;
import static fr.asp.segur.system.EnrolmentWizardPage.GUIDE_IBAN;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SIRET;
import static fr.asp.segur.system.EnrolmentWizardPage.KALINKA_SOFTWARE;
import static fr.asp.segur.system.EnrolmentWizardPage.SOFTWARE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * "A supplier's work is never lost" (issue 14), in a real browser: the wizard's state is a draft in the
 * database under the id its URL carries. F5 on every step, two tabs of one browser finishing in both
 * orders, "back" after the confirmation, a lost session, "Enregistrer et reprendre plus tard" and its
 * emailed link, and a link past its retention period.
 */
class DraftJourneysIT extends BrowserJourney {

    private static final Pattern DRAFT_LINK = Pattern.compile("enrolement\\.xhtml\\?brouillon=([A-Za-z0-9_-]{43})");

    private SampleFiles files;
    private EnrolmentWizardPage wizard;
    private String tag;

    @BeforeEach
    void openWizard() {
        files = new SampleFiles(tmp);
        tag = Long.toString(System.nanoTime(), 36);
        wizard = new EnrolmentWizardPage(browser, base);
    }

    private Person representative(String who) {
        return new Person("Martin", "Maelys", who + "." + tag + "@kalinka.fr", "0326212121");
    }

    @Test
    void aRefreshOnEveryStepKeepsEverythingTypedAndUploaded() {
        Person representative = representative("f5");
        wizard.open();
        String draft = wizard.draftId();
        assertThat(wizard.refresh()).isEqualTo(SOFTWARE);

        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        assertThat(wizard.refresh()).isEqualTo(SOFTWARE);
        assertThat(wizard.draftId()).isEqualTo(draft);
        assertThat(browser.text("softwareName")).isEqualTo("RADIO RIS LOGICIEL 1");
        assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT"))
                .isEqualTo(FILE_UPLOADED + "certificat-" + tag + ".pdf");

        wizard.next(APPLICANT);
        assertThat(wizard.refresh()).isEqualTo(APPLICANT);
        wizard.searchCompany(KALINKA_SIRET);
        String denomination = browser.value("enrolment:denomination");
        wizard.legalRepresentative(true);
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("cni-" + tag + ".png"));
        assertThat(wizard.refresh()).isEqualTo(APPLICANT);
        assertThat(browser.value("enrolment:denomination")).isEqualTo(denomination).isNotBlank();
        assertThat(browser.value("enrolment:representativeLastName")).isEqualTo("Martin");
        assertThat(browser.value("enrolment:representativeEmail")).isEqualTo(representative.email());
        assertThat(browser.value("enrolment:representativePhone")).isNotBlank();
        assertThat(wizard.uploadStatus("PIECE_IDENTITE_REPRESENTANT")).isEqualTo(FILE_UPLOADED + "cni-" + tag + ".png");

        wizard.next(BANK);
        wizard.bank(GUIDE_IBAN, GUIDE_BIC, "MARTIN MAELYS");
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(wizard.domiciliation()));
        wizard.upload("RIB", files.pdf("rib-" + tag + ".pdf"));
        assertThat(wizard.refresh()).isEqualTo(BANK);
        assertThat(browser.value("enrolment:iban")).isEqualTo(GUIDE_IBAN);
        assertThat(browser.value("enrolment:accountHolder")).isEqualTo("MARTIN MAELYS");
        assertThat(wizard.domiciliation()).isEqualTo("CE MID PYRENEES TOULOUSE");
        assertThat(wizard.uploadStatus("RIB")).isEqualTo(FILE_UPLOADED + "rib-" + tag + ".pdf");

        wizard.next(CONFIRMATION);
        assertThat(wizard.refresh()).isEqualTo(CONFIRMATION);
        assertThat(wizard.recap()).contains(representative.email(), "CE MID PYRENEES TOULOUSE");
        String number = wizard.finish();

        long id = ((Number) Database.request(number).get("id")).longValue();
        assertThat(Database.documentKinds(id))
                .containsExactly("CERTIFICAT_REFERENCEMENT", "PIECE_IDENTITE_REPRESENTANT", "RIB");
        assertThat(Database.count("select count(*) from enrolment_draft where id = ? and request_number = ?",
                draft, number)).isEqualTo(1);
    }

    @Test
    void twoTabsOfOneBrowserEachFinishTheirOwnRequestInEitherOrder() {
        for (boolean firstTabFirst : new boolean[] {true, false}) {
            String first = browser.driver().getWindowHandle();
            Person one = representative("onglet-a-" + firstTabFirst);
            wizard.fillKalinka(files, tag + "a" + firstTabFirst, one);
            browser.driver().switchTo().newWindow(WindowType.TAB);
            String second = browser.driver().getWindowHandle();
            Person two = representative("onglet-b-" + firstTabFirst);
            wizard.fillKalinka(files, tag + "b" + firstTabFirst, two);

            String numberOne;
            String numberTwo;
            if (firstTabFirst) {
                browser.driver().switchTo().window(first);
                numberOne = wizard.finish();
                browser.driver().switchTo().window(second);
                numberTwo = wizard.finish();
            } else {
                numberTwo = wizard.finish();
                browser.driver().switchTo().window(first);
                numberOne = wizard.finish();
            }
            assertThat(numberOne).isNotEqualTo(numberTwo);
            assertThat(emailOf(numberOne)).isEqualTo(one.email());
            assertThat(emailOf(numberTwo)).isEqualTo(two.email());
            for (String number : List.of(numberOne, numberTwo)) {
                long id = ((Number) Database.request(number).get("id")).longValue();
                assertThat(Database.documentKinds(id)).hasSize(3);
            }
            browser.driver().switchTo().window(second).close();
            browser.driver().switchTo().window(first);
        }
    }

    private static String emailOf(String number) {
        long id = ((Number) Database.request(number).get("id")).longValue();
        return (String) Database.people(id).get("REPRESENTANT").get("email");
    }

    @Test
    void backAfterTheConfirmationSaysTheRequestWasSentInsteadOfShowingStepFour() {
        wizard.fillKalinka(files, tag, representative("retour"));
        String draft = wizard.draftId();
        String number = wizard.finish();

        browser.driver().navigate().back();
        browser.waitForAjax();
        assertThat(browser.driver().getCurrentUrl()).contains("brouillon=" + draft);
        assertThat(browser.visible("draftSubmittedMessage").getText()).contains("déjà été transmise", number);
        assertThat(browser.isPresent("enrolment:finish")).as("no step 4 to click again").isFalse();

        browser.driver().navigate().refresh();
        browser.waitForAjax();
        assertThat(browser.text("draftRequestNumber")).isEqualTo(number);
        assertThat(Database.count("select count(*) from enrolment_request r join request_person p on p.request_id = r.id "
                + "where p.email = ?", representative("retour").email())).isEqualTo(1);
    }

    @Test
    void aLostSessionSaysTheDraftIsKeptAndResumesIt() {
        wizard.open();
        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        String draft = wizard.draftId();

        // The session ends (timeout, or the node that held it is gone): the page's view state with it.
        browser.driver().manage().deleteAllCookies();
        browser.click("enrolment:next");
        browser.waitForAjax();
        browser.visible("expiryReason");
        assertThat(browser.text("draftKept")).contains("n'est pas perdue");
        browser.click("resumeDraft");
        browser.waitForAjax();
        assertThat(wizard.draftId()).isEqualTo(draft);
        assertThat(wizard.currentStep()).isEqualTo(SOFTWARE);
        assertThat(wizard.uploadStatus("CERTIFICAT_REFERENCEMENT"))
                .isEqualTo(FILE_UPLOADED + "certificat-" + tag + ".pdf");
        wizard.next(APPLICANT);
    }

    @Test
    void aSavedDraftIsResumedFromTheEmailedLinkWithItsUploads() throws Exception {
        Person representative = representative("reprise");
        wizard.open();
        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);
        wizard.searchCompany(KALINKA_SIRET);
        wizard.legalRepresentative(true);
        wizard.person("representative", representative);
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("cni-" + tag + ".png"));
        wizard.next(BANK);
        wizard.bank(GUIDE_IBAN, GUIDE_BIC, "MARTIN MAELYS");
        String draft = wizard.draftId();

        browser.click("enrolment:saveLater");
        browser.visible("enrolment:saveDialog");
        assertThat(browser.value("enrolment:draftEmail")).as("the filer's address, already typed")
                .isEqualTo(representative.email());
        browser.click("enrolment:saveConfirm");
        assertThat(wizard.waitForMessage("Votre demande est enregistrée"))
                .contains(representative.email(), "valable jusqu'au");
        Map<String, Object> row = Database.rows("select saved_until from enrolment_draft where id = ?", draft).get(0);
        LocalDateTime until = ((Timestamp) row.get("saved_until")).toLocalDateTime();
        assertThat(Duration.between(LocalDateTime.now(), until).toDays()).isBetween(29L, 30L);

        MimeMessage mail = Mailbox.awaitMail(greenMail, representative.email(), "Reprendre");
        Matcher link = DRAFT_LINK.matcher(Mailbox.text(mail));
        assertThat(link.find()).as("the email's link").isTrue();
        assertThat(link.group(1)).isEqualTo(draft);

        // Another day, another browser session: the link alone finds the draft.
        browser.driver().manage().deleteAllCookies();
        wizard.resume(link.group(1));
        assertThat(wizard.currentStep()).isEqualTo(BANK);
        assertThat(browser.value("enrolment:iban")).isEqualTo(GUIDE_IBAN);
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(wizard.domiciliation()));
        wizard.upload("RIB", files.pdf("rib-" + tag + ".pdf"));
        wizard.back(APPLICANT);
        assertThat(wizard.uploadStatus("PIECE_IDENTITE_REPRESENTANT")).isEqualTo(FILE_UPLOADED + "cni-" + tag + ".png");
        wizard.next(BANK);
        wizard.next(CONFIRMATION);
        String number = wizard.finish();
        long id = ((Number) Database.request(number).get("id")).longValue();
        assertThat(Database.documentKinds(id))
                .containsExactly("CERTIFICAT_REFERENCEMENT", "PIECE_IDENTITE_REPRESENTANT", "RIB");
    }

    @Test
    void aDraftPastItsRetentionIsGoneAndItsLinkSaysSo() {
        wizard.open();
        wizard.searchSoftware(KALINKA_SOFTWARE);
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        String draft = wizard.draftId();
        browser.click("enrolment:saveLater");
        browser.visible("enrolment:saveDialog");
        browser.type("enrolment:draftEmail", "expire." + tag + "@kalinka.fr");
        browser.click("enrolment:saveConfirm");
        wizard.waitForMessage("Votre demande est enregistrée");

        Database.update("update enrolment_draft set saved_until = ? where id = ?",
                Timestamp.valueOf(LocalDateTime.now().minusMinutes(1)), draft);
        browser.driver().manage().deleteAllCookies();
        wizard.resume(draft);
        assertThat(browser.visible("draftMissingMessage").getText()).contains("n'existe plus");
        assertThat(browser.isPresent("enrolment:wizard")).isFalse();
        browser.click(By.id("newEnrolment"));
        browser.waitForAjax();
        assertThat(wizard.draftId()).isNotEqualTo(draft);
    }
}
