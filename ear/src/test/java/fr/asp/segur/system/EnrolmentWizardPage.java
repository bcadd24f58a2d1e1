package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The enrolment wizard (enrolement.xhtml) as a supplier sees it: what they type, click and upload, step by
 * step, following the supplier guide. Every action waits for PrimeFaces' ajax to finish and for its visible
 * effect; nothing here checks a business rule (the tests do).
 */
final class EnrolmentWizardPage {

    /** The supplier guide's examples, shipped in the sample referentials. */
    static final String KALINKA_SOFTWARE = "0215jug63a";
    static final String KALINKA_SIRET = "81120705900015";
    static final String GUIDE_IBAN = "FR7613135000800800267924623";
    static final String GUIDE_BIC = "CEPAFRPP313";

    static final String SOFTWARE = "1 - Logiciel";
    static final String APPLICANT = "2 - Demandeur";
    static final String BANK = "3 - Coordonnées bancaires";
    static final String CONFIRMATION = "4 - Confirmation";
    static final Pattern REQUEST_NUMBER = Pattern.compile("ENR[0-9A-Z]{6}");

    static final String NO_FILE = "Aucun fichier sélectionné.";
    static final String FILE_UPLOADED = "Fichier déposé : ";

    /** A person named in the request. */
    record Person(String lastName, String firstName, String email, String emailConfirmation, String phone) {
        Person(String lastName, String firstName, String email, String phone) {
            this(lastName, firstName, email, email, phone);
        }
    }

    private final Browser browser;
    private final URL base;

    EnrolmentWizardPage(Browser browser, URL base) {
        this.browser = browser;
        this.base = base;
    }

    EnrolmentWizardPage open() {
        browser.open(base + "enrolement.xhtml");
        browser.present("enrolment:referencingNumber");
        assertThat(currentStep()).isEqualTo(SOFTWARE);
        return this;
    }

    /** The draft's id, from the wizard's own URL (enrolement.xhtml?brouillon=...). */
    String draftId() {
        String query = URI.create(browser.driver().getCurrentUrl()).getQuery();
        assertThat(query).as("the wizard's URL carries its draft").startsWith("brouillon=");
        return query.substring("brouillon=".length());
    }

    /** F5: the browser loads the wizard's URL again; returns the step shown then. */
    String refresh() {
        browser.waitForAjax();
        browser.driver().navigate().refresh();
        browser.waitForAjax();
        browser.present("enrolment:wizard");
        return currentStep();
    }

    /** Opens a draft by its URL, as a bookmark or the "reprendre" email's link does. */
    void resume(String draftId) {
        browser.open(base + "enrolement.xhtml?brouillon=" + draftId);
    }

    // ---- wizard navigation -----------------------------------------------------------------------

    /** The highlighted step title, e.g. "2 - Demandeur". */
    String currentStep() {
        browser.waitForAjax();
        By highlighted = By.cssSelector(".ui-wizard-step-titles .ui-wizard-step-title.ui-state-highlight");
        return browser.waiting().until(d -> d.findElement(highlighted).getText()).strip();
    }

    /** "Etape suivante →", expecting the wizard to move to {@code expectedStep}. */
    void next(String expectedStep) {
        String from = currentStep();
        browser.click("enrolment:next");
        browser.waitForAjax();
        String now = currentStep();
        assertThat(now).as("step after « Etape suivante » from %s; messages: %s", from, messages())
                .isEqualTo(expectedStep);
    }

    /** "Etape suivante →", expecting a refusal: the wizard stays on its step and shows messages. */
    String nextRefused() {
        String from = currentStep();
        browser.click("enrolment:next");
        browser.waitForAjax();
        String text = waitForMessages();
        assertThat(currentStep()).as("the wizard stays on its step").isEqualTo(from);
        return text;
    }

    void back(String expectedStep) {
        browser.click("enrolment:back");
        browser.waitForAjax();
        assertThat(currentStep()).isEqualTo(expectedStep);
    }

    /** The error summary at the top of the form (empty when there is none). */
    String messages() {
        return browser.textNow("enrolment:messages");
    }

    String waitForMessages() {
        browser.waiting().until(d -> !messages().isBlank());
        return messages();
    }

    String waitForMessage(String expected) {
        browser.waiting().until(d -> messages().contains(expected));
        return messages();
    }

    // ---- 1 - Logiciel ----------------------------------------------------------------------------

    void searchSoftware(String referencingNumber) {
        browser.type("enrolment:referencingNumber", referencingNumber);
        browser.click("enrolment:searchSoftware");
        browser.waitForAjax();
        browser.visible("softwareName");
    }

    // ---- documents -------------------------------------------------------------------------------

    /** Chooses a file in the upload field of {@code kind} (auto upload) and waits until the page names it. */
    void upload(String kind, Path file) {
        chooseFile(kind, file);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("enrolment:" + kind + "_status"), FILE_UPLOADED + file.getFileName()));
        browser.waitForAjax();
    }

    /** Chooses a file expected to be refused: returns the messages once {@code expected} shows. */
    String uploadRefused(String kind, Path file, String expected) {
        chooseFile(kind, file);
        String text = waitForMessage(expected);
        browser.waitForAjax();
        assertThat(uploadStatus(kind)).isEqualTo(NO_FILE);
        return text;
    }

    /**
     * Chooses a file that the browser itself refuses before sending it (over the size limit): returns the
     * message then shown beside the field.
     */
    String uploadRefusedInBrowser(String kind, Path file, String expected) {
        chooseFile(kind, file);
        browser.waiting().until(d -> fieldMessage(kind).replace('\u00a0', ' ').contains(expected));
        browser.waitForAjax();
        return fieldMessage(kind).replace('\u00a0', ' ');
    }

    /**
     * Uploads, in the field of {@code kind}, a file whose name the browser would not send as such (with
     * "../" or "\\"): built in the page by script, as a crafted client could send it.
     */
    void uploadNamed(String kind, String fileName, Path content) {
        browser.waitForAjax();
        WebElement input = browser.present("enrolment:" + kind + "_input");
        String base64;
        try {
            base64 = java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(content));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var bytes = Uint8Array.from(atob(arguments[2]), function (c) { return c.charCodeAt(0); });"
                        + "var dt = new DataTransfer(); dt.items.add(new File([bytes], arguments[1], {type: 'application/pdf'}));"
                        + "arguments[0].files = dt.files; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input, fileName, base64);
    }

    /** Chooses a file the server refuses, whatever was there before; waits for the message beside the field. */
    void chooseRefused(String kind, Path file) {
        chooseFile(kind, file);
        browser.waiting().until(d -> !fieldMessage(kind).isBlank());
        browser.waitForAjax();
    }

    /** The message shown beside an upload field (empty when there is none). */
    String fieldMessage(String kind) {
        return browser.text("enrolment:" + kind + "_message").strip();
    }

    String uploadStatus(String kind) {
        return browser.text("enrolment:" + kind + "_status").strip();
    }

    boolean hasUpload(String kind) {
        return browser.isPresent("enrolment:" + kind + "_input");
    }

    private void chooseFile(String kind, Path file) {
        browser.waitForAjax();
        WebElement input = browser.present("enrolment:" + kind + "_input");
        input.sendKeys(file.toAbsolutePath().toString());
    }

    // ---- 2 - Demandeur ---------------------------------------------------------------------------

    /** Types the SIRET and ticks the captcha, then "Rechercher": the company's details show. */
    void searchCompany(String siret) {
        browser.type("enrolment:siret", siret);
        captcha("companyCaptcha").solve();
        browser.click("enrolment:searchCompany");
        browser.waitForAjax();
        browser.present("enrolment:denomination");
    }

    /** A captcha slot of the wizard: companyCaptcha (step 2) or finalCaptcha (step 4). */
    CaptchaWidget captcha(String slot) {
        return new CaptchaWidget(browser, "enrolment", slot);
    }

    /** Clicks the label of one option of a PrimeFaces selectOneRadio, then waits until its radio is checked. */
    void choose(String radioId, String label) {
        By option = By.xpath("//*[@id='enrolment:" + radioId + "']//label[normalize-space(.)=\"" + label + "\"]");
        browser.click(option);
        browser.waitForAjax();
        browser.waiting().until(d -> {
            String input = d.findElement(option).getDomAttribute("for");
            return d.findElement(By.id(input)).isSelected();
        });
    }

    void legalRepresentative(boolean yes) {
        choose("legalRepresentative", yes ? "Oui" : "Non");
        browser.present("enrolment:representativeLastName");
        if (!yes) {
            browser.present("enrolment:depositaireLastName");
        }
    }

    void tiersQuality(String label) {
        choose("tiersQuality", label);
    }

    /** Fills the five fields of a person; {@code prefix} is "representative" or "depositaire". */
    void person(String prefix, Person person) {
        browser.type("enrolment:" + prefix + "LastName", person.lastName());
        browser.type("enrolment:" + prefix + "FirstName", person.firstName());
        browser.type("enrolment:" + prefix + "Email", person.email());
        browser.type("enrolment:" + prefix + "EmailConfirmation", person.emailConfirmation());
        browser.type("enrolment:" + prefix + "Phone", person.phone());
        browser.blur();
    }

    /** Replaces the "Dénomination sociale" (an ajax "change" recomputes the documents required). */
    void denomination(String denomination) {
        browser.type("enrolment:denomination", denomination);
        browser.blur();
    }

    // ---- 3 - Coordonnées bancaires ---------------------------------------------------------------

    void bank(String iban, String bic, String holder) {
        browser.type("enrolment:iban", iban);
        browser.blur();
        browser.type("enrolment:bic", bic);
        browser.blur();
        browser.type("enrolment:accountHolder", holder);
        browser.blur();
    }

    String domiciliation() {
        return browser.value("enrolment:domiciliation");
    }

    // ---- 4 - Confirmation ------------------------------------------------------------------------

    String recap() {
        return browser.text("enrolment:wizard");
    }

    /** Ticks the captcha, ticks the three commitments and clicks "Terminer →": returns the request number shown. */
    String finish() {
        captcha("finalCaptcha").solve();
        for (String box : new String[] {"cguAccepted", "penalCodeAcknowledged", "sincerityCertified"}) {
            browser.click(By.cssSelector("[id='enrolment:" + box + "'] .ui-chkbox-box"));
            browser.waiting().until(d -> d.findElement(By.cssSelector("[id='enrolment:" + box + "'] .ui-chkbox-box"))
                    .getDomAttribute("class").contains("ui-state-active"));
        }
        browser.click("enrolment:finish");
        browser.waitForAjax();
        browser.waiting(Duration.ofSeconds(30)).until(d -> {
            if (!messages().isBlank()) {
                throw new AssertionError("« Terminer » refused: " + messages());
            }
            WebElement n = d.findElements(By.id("requestNumber")).stream().findFirst().orElse(null);
            return n != null && n.isDisplayed() && !n.getText().isBlank();
        });
        assertThat(browser.text("doneMessage")).startsWith("Demande d'enrôlement validée.");
        String value = browser.text("requestNumber").strip();
        assertThat(value).matches(REQUEST_NUMBER);
        return value;
    }

    /**
     * The guide's simplest journey: KALINKA's legal representative enrols KALINKA's software (certificate
     * and RIB in PDF, identity in PNG, the guide's IBAN); returns the request number.
     */
    String enrolKalinka(SampleFiles files, String tag, Person representative) {
        fillKalinka(files, tag, representative);
        return finish();
    }

    /** The same journey up to "4 - Confirmation", without "Terminer". */
    void fillKalinka(SampleFiles files, String tag, Person representative) {
        open();
        searchSoftware(KALINKA_SOFTWARE);
        upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        next(APPLICANT);
        searchCompany(KALINKA_SIRET);
        legalRepresentative(true);
        person("representative", representative);
        upload("PIECE_IDENTITE_REPRESENTANT", files.png("cni-" + tag + ".png"));
        next(BANK);
        bank(GUIDE_IBAN, GUIDE_BIC, "MARTIN MAELYS");
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(domiciliation()));
        upload("RIB", files.pdf("rib-" + tag + ".pdf"));
        next(CONFIRMATION);
    }
}
