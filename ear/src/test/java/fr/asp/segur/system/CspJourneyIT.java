package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages under their Content-Security-Policy (no inline script without the page's nonce, no eval): each one
 * loads and works in Chromium without a single violation reported in the console, down to the captcha's worker,
 * the wizard's ajax steps, the FAQ's accordion, the back office's dialogs and the supervisor's charts.
 */
class CspJourneyIT extends BrowserJourney {

    private void assertNoViolation(String where) {
        assertThat(browser.cspViolations()).as(where).isEmpty();
    }

    @Test
    void publicPagesTheWizardAndTheCaptchaRunUnderThePolicy() {
        for (String page : new String[] {"", "faq.xhtml", "connexion.xhtml", "mot-de-passe-oublie.xhtml", "cgu.xhtml",
                "accessibilite.xhtml", "n-existe-pas.xhtml"}) {
            browser.open(base + page);
            assertNoViolation("/" + page);
        }
        // The contact form's captcha: the widget's module and worker, then an ajax post.
        browser.open(base + "contact.xhtml");
        new CaptchaWidget(browser, "contact", "captcha").solve();
        browser.click("contact:send");
        browser.waitForAjax();
        assertThat(browser.textNow("contact:messages")).contains("Le couloir est obligatoire");
        assertNoViolation("contact.xhtml, captcha solved, form refused by ajax");

        EnrolmentWizardPage wizard = new EnrolmentWizardPage(browser, base).open();
        browser.type("enrolment:referencingNumber", Fixtures.SOFTWARE);
        browser.click("enrolment:searchSoftware");
        browser.waitForAjax();
        assertThat(wizard.nextRefused()).isNotBlank();
        assertNoViolation("enrolement.xhtml, software searched, next refused");

        // The check itself sees a violation: an injected inline script is refused and reported.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.injected = 1;'; document.body.appendChild(s);");
        assertThat(browser.cspViolations()).as("an injected inline script").isNotEmpty();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.injected"))
                .as("and it did not run").isNull();
    }

    @Test
    void theBackOfficeItsDialogsAndTheDashboardRunUnderThePolicy() {
        new RequestDetailPage(browser, base).logIn(People.SUPERVISEUR);
        browser.open(base + "backoffice/index.xhtml");
        assertNoViolation("back office list");
        browser.open(base + "backoffice/tableau-de-bord.xhtml");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("canvas")).isEmpty());
        assertNoViolation("dashboard with its charts");
        browser.open(base + "backoffice/assistance.xhtml");
        assertNoViolation("support tickets");
    }
}
