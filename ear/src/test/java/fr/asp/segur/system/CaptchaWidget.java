package fr.asp.segur.system;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The ALTCHA widget of a captcha slot (WEB-INF/templates/captcha.xhtml), as a visitor meets it in Chromium: its
 * checkbox "Je ne suis pas un robot", ticked, makes the browser solve the proof of work, after which the widget
 * holds the payload the form posts as {@code <slot>_payload}. The tests' server runs with a low cost.
 */
final class CaptchaWidget {

    private final Browser browser;
    private final String form;
    private final String slot;

    CaptchaWidget(Browser browser, String form, String slot) {
        this.browser = browser;
        this.form = form;
        this.slot = slot;
    }

    /** The id of the block the slot's messages and error-summary links point to. */
    String blockId() {
        return form + ":" + slot;
    }

    WebElement checkbox() {
        return browser.waiting().until(d -> {
            WebElement box = d.findElement(By.cssSelector("[id='" + blockId() + "'] altcha-widget input[type=checkbox]"));
            return box.isDisplayed() ? box : null;
        });
    }

    /** Ticks the box with the mouse and waits until the widget has solved the challenge. */
    void solve() {
        browser.waitForAjax();
        browser.waiting().until(d -> {
            checkbox().click();
            return true;
        });
        waitUntilSolved();
    }

    void waitUntilSolved() {
        browser.waiting(Duration.ofSeconds(60)).until(d -> !payload().isBlank());
    }

    /** What the form would post for this slot: empty until the widget has solved its challenge. */
    String payload() {
        Object value = ((JavascriptExecutor) browser.driver()).executeScript(
                "var i = document.querySelector(\"input[name='\" + arguments[0] + \"']\"); return i ? i.value : '';",
                slot + "_payload");
        return value == null ? "" : value.toString();
    }

    /** The challenge the page gave the widget (its {@code challengejson} attribute). */
    String challengeJson() {
        return browser.waiting().until(d -> d.findElement(By.cssSelector("[id='" + blockId() + "'] altcha-widget"))
                .getDomAttribute("challengejson"));
    }

    /** The challenge's id, carried in its signed salt. */
    String challengeId() {
        String json = challengeJson();
        int at = json.indexOf("id=");
        return json.substring(at + 3, json.indexOf('&', at));
    }

    /** Posts {@code payload} in place of the widget's solution, as a script would. */
    void forge(String payload) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.getElementById(arguments[0]);"
                        + "var i = f.querySelector(\"input[name='\" + arguments[1] + \"']\");"
                        + "if (!i) { i = document.createElement('input'); i.type = 'hidden'; i.name = arguments[1]; f.appendChild(i); }"
                        + "i.value = arguments[2];", form, slot + "_payload", payload);
    }
}
