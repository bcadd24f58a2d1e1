package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * RGAA 12.11 / WCAG 2.1.1: a supplier without a mouse files a whole enrolment from the home page, with Tab,
 * Shift+Tab, Enter, Space and the arrow keys only, and reads the request number. The one exception: a file is
 * chosen by giving its path to the file input once the « Parcourir... » button has the focus (a headless
 * browser has no file dialog to drive).
 */
class KeyboardWizardIT extends BrowserJourney {

    private Keyboard keyboard;
    private EnrolmentWizardPage wizard;

    @Test
    void aSupplierFilesAWholeEnrolmentWithTheKeyboardAlone() {
        SampleFiles files = new SampleFiles(tmp);
        String tag = Long.toString(System.nanoTime(), 36);
        String email = "clavier." + tag + "@kalinka.fr";
        keyboard = new Keyboard(browser);
        wizard = new EnrolmentWizardPage(browser, base);

        browser.open(base.toString());
        keyboard.press("start-enrolment", Keys.ENTER);
        browser.present("enrolment:referencingNumber");
        assertThat(wizard.currentStep()).isEqualTo(EnrolmentWizardPage.SOFTWARE);

        // 1 - Logiciel
        keyboard.type("enrolment:referencingNumber", "0215jug63a");
        keyboard.press("enrolment:searchSoftware", Keys.ENTER);
        browser.visible("softwareName");
        upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        next(EnrolmentWizardPage.APPLICANT);

        // 2 - Demandeur
        keyboard.type("enrolment:siret", "81120705900015");
        // The captcha: Space on its checkbox, then the browser solves the proof of work.
        keyboard.press("enrolment:companyCaptcha", Keys.SPACE);
        wizard.captcha("companyCaptcha").waitUntilSolved();
        keyboard.press("enrolment:searchCompany", Keys.ENTER);
        browser.present("enrolment:denomination");
        // The radio group: Tab reaches its first option ("Oui"), the arrow keys move to "Non" and back, Space checks.
        keyboard.focus("enrolment:legalRepresentative");
        keyboard.press(Keys.ARROW_RIGHT);
        browser.present("enrolment:depositaireLastName");
        keyboard.focus("enrolment:legalRepresentative");
        keyboard.press(Keys.ARROW_LEFT);
        browser.waiting().until(d -> !browser.isPresent("enrolment:depositaireLastName"));
        assertThat(browser.present("enrolment:legalRepresentative:0").isSelected()).isTrue();
        keyboard.type("enrolment:representativeLastName", "Clavier");
        keyboard.type("enrolment:representativeFirstName", "Camille");
        keyboard.type("enrolment:representativeEmail", email);
        keyboard.type("enrolment:representativeEmailConfirmation", email);
        keyboard.type("enrolment:representativePhone", "0326212121");
        upload("PIECE_IDENTITE_REPRESENTANT", files.png("Clavier " + tag + ".png"));
        next(EnrolmentWizardPage.BANK);

        // 3 - Coordonnées bancaires
        keyboard.type("enrolment:iban", "FR7613135000800800267924623");
        keyboard.type("enrolment:bic", "CEPAFRPP313");
        keyboard.type("enrolment:accountHolder", "CLAVIER CAMILLE");
        upload("RIB", files.pdf("RIB " + tag + ".pdf"));
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(wizard.domiciliation()));
        next(EnrolmentWizardPage.CONFIRMATION);

        // 4 - Confirmation
        keyboard.press("enrolment:finalCaptcha", Keys.SPACE);
        wizard.captcha("finalCaptcha").waitUntilSolved();
        for (String box : new String[] {"cguAccepted", "penalCodeAcknowledged", "sincerityCertified"}) {
            keyboard.press("enrolment:" + box, Keys.SPACE);
            browser.waiting().until(d -> d.findElement(By.id("enrolment:" + box + "_input")).isSelected());
        }
        keyboard.press("enrolment:finish", Keys.ENTER);
        browser.waiting(Duration.ofSeconds(30)).until(d -> {
            WebElement n = d.findElements(By.id("requestNumber")).stream().findFirst().orElse(null);
            return n != null && n.isDisplayed() && !n.getText().isBlank();
        });
        String number = browser.text("requestNumber").strip();
        assertThat(number).matches(EnrolmentWizardPage.REQUEST_NUMBER);
        Map<String, Object> request = Database.request(number);
        assertThat(request).containsEntry("status", "SOUMISE").containsEntry("siret", "81120705900015")
                .containsEntry("iban", "FR7613135000800800267924623");

        // The confirmation page's "OK" is reachable too, and leads home.
        keyboard.press("doneOk", Keys.ENTER);
        browser.visible("start-enrolment");
    }

    /** Tabs to the upload's « Parcourir... » button, then gives the file's path to its file input. */
    private void upload(String kind, Path file) {
        keyboard.focus("enrolment:" + kind);
        browser.present("enrolment:" + kind + "_input").sendKeys(file.toAbsolutePath().toString());
        browser.waiting().until(d -> wizard.uploadStatus(kind).equals(EnrolmentWizardPage.FILE_UPLOADED + file.getFileName()));
        browser.waitForAjax();
    }

    private void next(String expectedStep) {
        keyboard.press("enrolment:next", Keys.ENTER);
        browser.waiting().until(d -> wizard.currentStep().equals(expectedStep));
    }
}
