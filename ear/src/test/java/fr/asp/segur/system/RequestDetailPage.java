package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The back office's detail screen of a request (backoffice/demande.xhtml) as an agent sees it, and the portal's
 * login page. Every action waits for PrimeFaces' ajax to finish; nothing here checks a business rule.
 */
final class RequestDetailPage {

    static final String DEMO_PASSWORD = "Segur-Demo-2026!";

    private final Browser browser;
    private final URL base;

    RequestDetailPage(Browser browser, URL base) {
        this.browser = browser;
        this.base = base;
    }

    /** Logs in on the portal's login page (/segurnum/connexion.xhtml) with a demo account. */
    RequestDetailPage logIn(String login) {
        browser.open(base + "connexion.xhtml");
        browser.type("j_username", login);
        browser.type("j_password", DEMO_PASSWORD);
        browser.click("loginSubmit");
        browser.waitForAjax();
        browser.waiting().until(d -> !d.getCurrentUrl().contains("j_security_check")
                && !d.findElements(By.id("contenu")).isEmpty());
        assertThat(browser.driver().getPageSource()).as("logged in as %s", login)
                .doesNotContain("Identifiant ou mot de passe incorrect");
        return this;
    }

    /** The back office's list, then the link on the request number. */
    RequestDetailPage openFromList(String requestNumber) {
        browser.open(base + "backoffice/index.xhtml");
        browser.click(By.linkText(requestNumber));
        browser.waitForAjax();
        waitForRequest(requestNumber);
        return this;
    }

    RequestDetailPage open(String requestNumber) {
        browser.open(base + "backoffice/demande.xhtml?numero=" + requestNumber);
        waitForRequest(requestNumber);
        return this;
    }

    private void waitForRequest(String requestNumber) {
        browser.waiting().until(d -> requestNumber.equals(browser.textNow("requestNumber")));
        browser.visible("status");
    }

    String status() {
        return browser.textNow("status");
    }

    String assignedAgent() {
        return browser.textNow("assignedAgent");
    }

    /** The whole text of a block, e.g. "detailBank". */
    String block(String id) {
        return browser.textNow(id);
    }

    /** The messages at the top of the page (empty when there is none). */
    String messages() {
        return browser.textNow("detail:messages");
    }

    String waitForMessage(String expected) {
        browser.waiting().until(d -> messages().contains(expected));
        return messages();
    }

    /** Each automatic check as shown: result, label, explanation. */
    List<String> checks() {
        return browser.driver().findElements(By.cssSelector("#checks li")).stream()
                .map(e -> e.getText().replaceAll("\\s+", " ").strip()).toList();
    }

    /** The history table, one list of cells per row: date, by, from, to, motivation. */
    List<List<String>> history() {
        browser.waitForAjax();
        return browser.driver().findElements(By.cssSelector("[id='detail:history_data'] tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList())
                .toList();
    }

    boolean hasAction(String id) {
        browser.waitForAjax();
        return browser.isPresent("detail:" + id);
    }

    // ---- decisions ----------------------------------------------------------------------------------

    void take() {
        browser.click("detail:take");
        browser.waitForAjax();
    }

    void validate() {
        browser.click("detail:validate");
        browser.visible("detail:validateDialog");
        browser.click("detail:validateConfirm");
        browser.waitForAjax();
    }

    /** "Rejeter", types the motivation (possibly empty) and confirms; the dialog stays open on a refusal. */
    void reject(String motivation) {
        if (!browser.driver().findElement(By.id("detail:rejectDialog")).isDisplayed()) {
            browser.click("detail:reject");
            browser.visible("detail:rejectDialog");
        }
        browser.type("detail:rejectMotivation", motivation);
        browser.click("detail:rejectConfirm");
        browser.waitForAjax();
    }

    boolean isDialogOpen(String id) {
        browser.waitForAjax();
        return browser.driver().findElement(By.id("detail:" + id)).isDisplayed();
    }

    String dialogMessages(String id) {
        return browser.textNow("detail:" + id);
    }

    // ---- documents ----------------------------------------------------------------------------------

    /** "Consulter" on the row of {@code fileName}: the viewer opens on it. */
    void showDocument(String fileName) {
        By button = By.xpath("//tbody[@id='detail:documents_data']/tr[td//span[@class='file-name' and normalize-space(.)=\""
                + fileName + "\"]]//button[contains(@id, ':show')]");
        browser.click(button);
        browser.waitForAjax();
        browser.visible("detail:documentDialog");
        browser.waiting().until(d -> fileName.equals(browser.textNow("shownFileName")));
    }

    /** "Fermer": the viewer closes and forgets the document. */
    void closeDocument() {
        browser.click("detail:documentClose");
        browser.waitForAjax();
        browser.waiting().until(d -> !d.findElement(By.id("detail:documentDialog")).isDisplayed());
        browser.waiting().until(d -> d.findElements(By.id("documentImage")).isEmpty()
                && d.findElements(By.id("documentPdf")).isEmpty());
    }

    /** Waits until the image shown in the viewer has been loaded and decoded by the browser. */
    void waitForImageShown() {
        WebElement image = browser.visible("documentImage");
        browser.waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
    }

    /** The download link of the row of {@code fileName}, as an absolute URL. */
    String downloadUrl(String fileName) {
        WebElement link = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tbody[@id='detail:documents_data']/tr[td//span[@class='file-name' and normalize-space(.)=\""
                        + fileName + "\"]]//a[contains(@class, 'download')]")));
        return link.getDomProperty("href");
    }

    /** The browser's session cookie, to fetch a document with the agent's session outside the browser. */
    String sessionCookie() {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getName() + "=" + cookie.getValue();
    }
}
