package fr.asp.segur.system;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A user with a keyboard and no mouse: focus moves only by Tab and Shift+Tab, and what they type or press goes
 * to the focused element. Reading which element has the focus is the test's only look at the page; nothing is
 * clicked and no element receives keys directly.
 */
final class Keyboard {

    /** More than enough Tab presses to cross the longest page (header, wizard step, footer). */
    private static final int MAX_PRESSES = 200;

    private final Browser browser;

    Keyboard(Browser browser) {
        this.browser = browser;
    }

    /** Tabs forward (then, if need be, backward) until the element {@code id}, or one inside it, has the focus. */
    void focus(String id) {
        for (Keys direction : new Keys[] {Keys.TAB, null}) {
            for (int i = 0; i <= MAX_PRESSES; i++) {
                browser.waitForAjax();
                if (focusIsIn(id)) {
                    return;
                }
                if (direction == null) {
                    new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
                } else {
                    new Actions(browser.driver()).sendKeys(direction).perform();
                }
            }
        }
        throw new AssertionError("Tab never reached " + id + "; focus on " + activeElement());
    }

    /** Focuses the field {@code id} and types {@code text} into it. */
    void type(String id, String text) {
        focus(id);
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    /** Focuses {@code id} and presses {@code key} (Enter on a button or link, Space on a checkbox or radio). */
    void press(String id, CharSequence key) {
        focus(id);
        new Actions(browser.driver()).sendKeys(key).perform();
        browser.waitForAjax();
    }

    /** Presses {@code key} on whatever has the focus. */
    void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
        browser.waitForAjax();
    }

    boolean focusIsIn(String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
                "var t = document.getElementById(arguments[0]); var a = document.activeElement;"
                        + " return !!t && !!a && a !== document.body && (t === a || t.contains(a));", id));
    }

    String activeElement() {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
                "var a = document.activeElement; return a ? a.outerHTML.substring(0, 200) : 'nothing';"));
    }
}
