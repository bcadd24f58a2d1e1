package fr.asp.segur.system;

import static fr.asp.segur.system.EnrolmentWizardPage.APPLICANT;
import static fr.asp.segur.system.EnrolmentWizardPage.BANK;
import static fr.asp.segur.system.EnrolmentWizardPage.CONFIRMATION;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asp.segur.system.EnrolmentWizardPage.Person;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * RGAA 4.1 / WCAG 2.1 AA: axe-core finds no violation on any public page, on the login page and its error, nor
 * on any step of the enrolment wizard, each also with its errors shown, down to the final confirmation.
 */
class AccessibilityIT extends BrowserJourney {

    @ParameterizedTest
    @ValueSource(strings = {"", "connexion.xhtml", "mot-de-passe-oublie.xhtml", "mot-de-passe.xhtml?jeton=inconnu",
            "complements.xhtml?jeton=inconnu", "session-expiree.xhtml", "cgu.xhtml", "mentions-legales.xhtml",
            "donnees-personnelles.xhtml", "cookies.xhtml", "accessibilite.xhtml"})
    void publicPageHasNoViolation(String page) {
        browser.open(base + page);
        assertThat(browser.driver().getTitle()).endsWith("Portail SEGUR Numérique");
        Axe.assertNoViolations(browser, "/" + page);
    }

    /** The FAQ and the contact form: a page that does not answer 200 is a failure, not a skip. */
    @ParameterizedTest
    @ValueSource(strings = {"faq.xhtml", "contact.xhtml"})
    void assistancePageHasNoViolation(String page) throws Exception {
        assertThat(new WebClient(base.toString()).get(page).statusCode()).as("status of /%s", page).isEqualTo(200);
        browser.open(base + page);
        Axe.assertNoViolations(browser, "/" + page);
    }

    /** The funding pages of the back office, of the administrators and of the supplier's space (issue 10). */
    @Test
    void fundingPagesHaveNoViolation() {
        RequestDetailPage page = new RequestDetailPage(browser, base).logIn("agent@asp-public.fr");
        for (String funding : List.of("backoffice/financements.xhtml", "backoffice/financement.xhtml?numero=DF00001X")) {
            browser.open(base + funding);
            Axe.assertNoViolations(browser, "/" + funding);
        }
        browser.open(base + "deconnexion");
        page.logIn("superviseur@asp-public.fr");
        browser.open(base + "backoffice/paiements.xhtml");
        Axe.assertNoViolations(browser, "/backoffice/paiements.xhtml");
        browser.click("paiements:preparer");
        browser.present("paiements:confirmation");
        Axe.assertNoViolations(browser, "/backoffice/paiements.xhtml, the day's batch shown before export");
        browser.open(base + "deconnexion");
        page.logIn("admin@asp-public.fr");
        browser.open(base + "admin/appels.xhtml");
        Axe.assertNoViolations(browser, "/admin/appels.xhtml");
        browser.open(base + "deconnexion");
        String supplier = "a11y." + System.nanoTime() + "@kalinka.fr";
        Database.supplierAccount(supplier, "81120705900015");
        page.logIn(supplier);
        browser.open(base + "espace/financement-complements.xhtml?numero=DF00001X");
        Axe.assertNoViolations(browser, "/espace/financement-complements.xhtml");
    }

    @Test
    void loginPageAndItsErrorHaveNoViolation() {
        browser.open(base + "connexion.xhtml");
        Axe.assertNoViolations(browser, "login page");
        browser.type("j_username", "personne@example.fr");
        browser.type("j_password", "pas le bon mot de passe");
        browser.click("loginSubmit");
        browser.visible("loginError");
        Axe.assertNoViolations(browser, "login error page");
    }

    /**
     * The summary is an alert whose link to the field moves the focus there; the field is marked invalid and
     * described by its own message.
     */
    private void errorsAreAnnouncedAndLinkedToTheirFields(String fieldId, String error) {
        WebElement summary = browser.present("enrolment:messages").findElement(By.cssSelector("[role=alert]"));
        assertThat(summary.getText()).contains(error);
        WebElement field = browser.present(fieldId);
        assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
        String describedBy = field.getDomAttribute("aria-describedby");
        assertThat(describedBy).as("aria-describedby of %s", fieldId).isNotBlank();
        assertThat(browser.textNow(describedBy)).isEqualTo(error);
        summary.findElement(By.cssSelector("a[href='#" + fieldId + "']")).click();
        assertThat(new Keyboard(browser).focusIsIn(fieldId)).as("the link took the focus to %s", fieldId).isTrue();
    }

    @Test
    void everyWizardStepAndItsErrorsHaveNoViolation() {
        SampleFiles files = new SampleFiles(tmp);
        String tag = Long.toString(System.nanoTime(), 36);
        EnrolmentWizardPage wizard = new EnrolmentWizardPage(browser, base).open();

        Axe.assertNoViolations(browser, "step 1");
        browser.click("enrolment:quit");
        browser.visible("enrolment:quitCancel");
        Axe.assertNoViolations(browser, "the « Quitter sans enregistrer » dialog");
        browser.click("enrolment:quitCancel");
        browser.waiting().until(d -> !d.findElement(By.id("enrolment:quitCancel")).isDisplayed());
        wizard.nextRefused();
        Axe.assertNoViolations(browser, "step 1 with its error");
        wizard.searchSoftware("0215jug63a");
        Axe.assertNoViolations(browser, "step 1 with the software found");
        wizard.nextRefused();
        Axe.assertNoViolations(browser, "step 1 without its certificate");
        wizard.upload("CERTIFICAT_REFERENCEMENT", files.pdf("certificat-" + tag + ".pdf"));
        wizard.next(APPLICANT);

        Axe.assertNoViolations(browser, "step 2");
        browser.type("enrolment:siret", "123");
        browser.click("enrolment:searchCompany");
        wizard.waitForMessages();
        Axe.assertNoViolations(browser, "step 2 with a wrong SIRET and no captcha");
        wizard.searchCompany("81120705900015");
        wizard.legalRepresentative(false);
        Axe.assertNoViolations(browser, "step 2 as a tiers déclarant");
        wizard.nextRefused();
        Axe.assertNoViolations(browser, "step 2 with its errors");
        wizard.legalRepresentative(true);
        wizard.person("representative", new Person("Martin", "Maelys", "maelys.martin." + tag + "@kalinka.fr", "0326212121"));
        wizard.upload("PIECE_IDENTITE_REPRESENTANT", files.png("Martin Maelys " + tag + ".png"));
        wizard.next(BANK);

        Axe.assertNoViolations(browser, "step 3");
        wizard.nextRefused();
        Axe.assertNoViolations(browser, "step 3 with its errors");
        errorsAreAnnouncedAndLinkedToTheirFields("enrolment:iban", "L'IBAN est obligatoire.");
        wizard.bank("FR7613135000800800267924623", "CEPAFRPP313", "MARTIN MAELYS");
        browser.waiting().until(d -> "CE MID PYRENEES TOULOUSE".equals(wizard.domiciliation()));
        wizard.upload("RIB", files.pdf("RIB " + tag + ".pdf"));
        wizard.next(CONFIRMATION);

        Axe.assertNoViolations(browser, "step 4");
        browser.click("enrolment:finish");
        wizard.waitForMessages();
        Axe.assertNoViolations(browser, "step 4 with its errors");
        wizard.finish();
        Axe.assertNoViolations(browser, "the confirmation of the request");
    }
}
