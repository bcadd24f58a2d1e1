package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's rules, bundled by {@code com.deque.html.axe-core:selenium}) run in the page the browser
 * shows, restricted to the WCAG 2.0 / 2.1 A and AA rules on which RGAA 4.1 rests.
 */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    /** Scans the current page (after its ajax settled) and fails with each violation's rule and elements. */
    static void assertNoViolations(Browser browser, String where) {
        browser.waitForAjax();
        Results results = new AxeBuilder().withTags(TAGS).analyze(browser.driver());
        assertThat(results.isErrored()).as("axe-core failed on %s: %s", where, results.getErrorMessage()).isFalse();
        assertThat(results.getViolations()).as("accessibility violations on %s (%s):%n%s", where,
                browser.driver().getCurrentUrl(), describe(results.getViolations())).isEmpty();
        assertThat(results.getPasses()).as("axe-core really checked %s", where).isNotEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                        + rule.getNodes().stream().map(Axe::node).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String node(CheckedNode node) {
        String html = node.getHtml() == null ? "" : node.getHtml();
        return "    " + node.getTarget() + " " + (html.length() > 200 ? html.substring(0, 200) + "…" : html)
                + (node.getFailureSummary() == null ? "" : "\n      " + node.getFailureSummary().replace("\n", " "));
    }
}
