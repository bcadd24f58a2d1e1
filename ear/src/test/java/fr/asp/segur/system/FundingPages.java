package fr.asp.segur.system;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The supplier's funding pages as a supplier sees them: "Nouvelle demande de financement" from their
 * space (espace/financement.xhtml: form, amounts, Confirmer, number), the list of their funding
 * requests (espace/financements.xhtml) and one request's detail with "Demande de solde"
 * (espace/demande-financement.xhtml). Journeys that go on to the agents' side reuse it.
 */
final class FundingPages {

    static final String FORM = "financement";
    static final String FILE_UPLOADED = "Fichier déposé : ";

    private final Browser browser;
    private final URL base;

    FundingPages(Browser browser, URL base) {
        this.browser = browser;
        this.base = base;
    }

    /** A supplier company with a validated enrolment, made from a request enrolled in the wizard. */
    static String validated(String enrolmentNumber) {
        String siret = FundingFixtures.siret();
        Database.update("update enrolment_request set siret = ?, status = 'VALIDEE' where request_number = ?", siret,
                enrolmentNumber);
        return siret;
    }

    /** From the space, "Nouvelle demande de financement" of one validated enrolment. */
    FundingPages openNewRequest(String enrolmentNumber) {
        browser.open(base + "espace/index.xhtml");
        browser.click("nouvelle-demande-" + enrolmentNumber);
        browser.waiting().until(d -> d.getCurrentUrl().contains("espace/financement.xhtml"));
        browser.present(FORM + ":next");
        return this;
    }

    String chosenCall() {
        return new Select(browser.present(FORM + ":callCode")).getFirstSelectedOption().getDomAttribute("value");
    }

    /** Types the client's identifier and clicks "Rechercher"; returns what the page says of the client. */
    String lookUp(String identifier) {
        browser.type(FORM + ":clientIdentifier", identifier);
        browser.click(FORM + ":lookUp");
        browser.waitForAjax();
        return browser.textNow(FORM + ":lookUpResult");
    }

    String clientName() {
        return browser.value(FORM + ":clientName");
    }

    void clientName(String name) {
        browser.type(FORM + ":clientName", name);
    }

    void tranche(String tranche) {
        browser.waitForAjax();
        new Select(browser.present(FORM + ":ceilingTranche")).selectByValue(tranche);
    }

    void order(String signedOn, String amountHt) {
        browser.type(FORM + ":orderSignedOn", signedOn);
        browser.type(FORM + ":orderAmountHt", amountHt);
    }

    /** Chooses the order form's PDF (auto upload) and waits until the page names it. */
    void uploadOrderForm(Path pdf) {
        browser.waitForAjax();
        browser.present(FORM + ":BON_DE_COMMANDE_input").sendKeys(pdf.toAbsolutePath().toString());
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.id(FORM + ":BON_DE_COMMANDE_status"), FILE_UPLOADED + pdf.getFileName()));
        browser.waitForAjax();
    }

    /** "Continuer". */
    void next() {
        browser.click(FORM + ":next");
        browser.waitForAjax();
    }

    /** The error summary's messages, one per line (empty when there is none). */
    String messages() {
        return browser.textNow(FORM + ":messages");
    }

    String waitForMessage(String expected) {
        browser.waiting().until(d -> messages().contains(expected));
        return messages();
    }

    /** On the amounts' step: the amount of one row ("orderHt", "grantedHt", "avanceHt", "avanceTtc", "soldeHt"...). */
    String amount(String id) {
        browser.present("financement:confirm");
        return plain(browser.textNow(id));
    }

    /** French amounts use no-break spaces ("1\u202f000,00\u00a0€"): read with plain spaces. */
    static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    boolean shows(String id) {
        return browser.isPresent(id);
    }

    /** "Confirmer": returns the number the page gives. */
    String confirm() {
        browser.click(FORM + ":confirm");
        browser.waitForAjax();
        return browser.visible(By.id("fundingNumber")).getText().strip();
    }

    /** The list of the account's requests: each row's cells (number, call, client, state, asked, granted, paid, awaited). */
    List<List<String>> list(String query) {
        browser.open(base + "espace/financements.xhtml" + (query == null ? "" : "?" + query));
        browser.present("backToSpace");
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#fundingRequests tbody tr"))) {
            rows.add(row.findElements(By.tagName("td")).stream().map(td -> plain(td.getText()).strip()).toList());
        }
        return rows;
    }

    /** One request's detail page. */
    FundingPages openDetail(String number) {
        browser.open(base + "espace/demande-financement.xhtml?numero=" + number);
        browser.present("backToList");
        return this;
    }

    String status() {
        return browser.textNow("status");
    }

    /** On a detail page allowing it: uploads the solde's documents (DocumentKind name → file), then files it. */
    void fileSolde(java.util.Map<String, Path> documents) {
        for (var d : documents.entrySet()) {
            browser.waitForAjax();
            browser.present("solde:" + d.getKey() + "_input").sendKeys(d.getValue().toAbsolutePath().toString());
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("solde:" + d.getKey() + "_status"), FILE_UPLOADED + d.getValue().getFileName()));
        }
        browser.click("solde:fileSolde");
        browser.waitForAjax();
    }
}
