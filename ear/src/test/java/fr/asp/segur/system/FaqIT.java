package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The "Questions fréquentes" page as a visitor reads it (Sommaire, rubriques, questions opening like an
 * accordion, only what is published) and as an administrator edits it in admin/faq.xhtml.
 */
class FaqIT extends BrowserJourney {

    static final List<String> RUBRIQUES = List.of("Enrôlement", "Assistance Utilisateur", "Textes de référence",
            "Paiement de l'avance", "Paiement du solde", "Utilisation du portail");

    private final String tag = Long.toString(System.nanoTime(), 36);

    @Test
    void theSommaireLinksToEachRubriqueWhoseQuestionsOpenLikeAnAccordion() {
        browser.open(base + "faq.xhtml");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Questions fréquentes");
        assertThat(browser.text("faq-summary-title")).isEqualTo("Sommaire");
        List<String> links = browser.driver().findElements(By.cssSelector("#sommaire a")).stream()
                .map(WebElement::getText).map(t -> t.replace("→", "").strip()).toList();
        assertThat(links).containsSubsequence(RUBRIQUES);

        // "Paiement du solde" in the Sommaire leads to its rubrique.
        browser.click(By.linkText("→ Paiement du solde"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("faq.xhtml#paiement-solde");
        WebElement rubrique = browser.visible("paiement-solde");
        assertThat(rubrique.findElement(By.tagName("h2")).getText()).isEqualTo("Paiement du solde");

        // A question is closed until clicked, then shows its answer.
        WebElement question = rubrique.findElements(By.cssSelector("details.faq-question")).stream()
                .filter(d -> d.getText().contains("Quelles pièces dois-je joindre à la demande de solde ?"))
                .findFirst().orElseThrow();
        WebElement answer = question.findElement(By.cssSelector(".faq-answer"));
        assertThat(answer.isDisplayed()).isFalse();
        question.findElement(By.tagName("summary")).click();
        browser.waiting().until(d -> answer.isDisplayed());
        assertThat(answer.getText()).contains("facture", "vérification d'aptitude (VA)");
        assertThat(question.getDomProperty("open")).isEqualTo("true");

        // Every rubrique holds real questions.
        for (String slug : List.of("enrolement", "assistance-utilisateur", "textes-de-reference", "paiement-avance",
                "paiement-solde", "utilisation-portail")) {
            assertThat(browser.driver().findElements(By.cssSelector("#" + slug + " details.faq-question")))
                    .as("questions of %s", slug).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void anUnpublishedQuestionIsNotShown() throws Exception {
        String hidden = "Question en préparation " + tag + " ?";
        String shown = "Question publiée " + tag + " ?";
        insertQuestion("enrolement", hidden, false);
        insertQuestion("enrolement", shown, true);

        browser.open(base + "faq.xhtml");
        String page = browser.driver().findElement(By.id("enrolement")).getText();
        assertThat(page).contains(shown).doesNotContain(hidden);
    }

    @Test
    void anAdministratorCreatesEditsReordersAndPublishesRubriquesAndQuestions() {
        String rubrique = "Rubrique d'essai " + tag;
        String first = "Première question " + tag + " ?";
        String second = "Deuxième question " + tag + " ?";
        logInAsAdmin();
        browser.open(base + "admin/faq.xhtml");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Questions fréquentes : administration");

        // A rubrique without a title is refused with a French message beside the field.
        browser.click("faqAdmin:saveRubrique");
        browser.waitForAjax();
        assertThat(browser.text("faqAdmin:rubriqueTitleMessage")).contains("Le titre de la rubrique est obligatoire.");

        browser.type("faqAdmin:rubriqueTitle", rubrique);
        browser.click("faqAdmin:saveRubrique");
        browser.waitForAjax();
        WebElement section = adminRubrique(rubrique);
        assertThat(section.findElement(By.cssSelector("h2 .state")).getText()).isEqualTo("(non publiée)");

        // Two questions; an empty answer is refused first.
        selectRubrique(rubrique);
        browser.type("faqAdmin:question", first);
        browser.click("faqAdmin:saveQuestion");
        browser.waitForAjax();
        assertThat(browser.text("faqAdmin:answerMessage")).contains("La réponse est obligatoire.");
        browser.type("faqAdmin:answer", "Réponse provisoire.");
        browser.click("faqAdmin:saveQuestion");
        browser.waitForAjax();
        selectRubrique(rubrique);
        browser.type("faqAdmin:question", second);
        browser.type("faqAdmin:answer", "Réponse à la deuxième question.\nSecond paragraphe.");
        browser.click("faqAdmin:saveQuestion");
        browser.waitForAjax();
        assertThat(adminQuestions(rubrique)).containsExactly(first, second);

        // Edit the first one's answer, move the second one up.
        clickAdmin("Modifier la question : " + first);
        assertThat(browser.value("faqAdmin:question")).isEqualTo(first);
        browser.type("faqAdmin:answer", "Réponse définitive " + tag + ".");
        browser.click("faqAdmin:saveQuestion");
        browser.waitForAjax();
        clickAdmin("Monter la question : " + second);
        assertThat(adminQuestions(rubrique)).containsExactly(second, first);

        // Nothing of it is public until published.
        browser.open(base + "faq.xhtml");
        assertThat(browser.driver().getPageSource()).doesNotContain(rubrique);

        browser.open(base + "admin/faq.xhtml");
        clickAdmin("Publier la question : " + first);
        clickAdmin("Publier la question : " + second);
        clickAdmin("Publier la rubrique " + rubrique);
        assertThat(adminRubrique(rubrique).findElement(By.cssSelector("h2 .state")).getText()).isEqualTo("(publiée)");
        browser.open(base + "faq.xhtml");
        assertThat(browser.driver().findElements(By.cssSelector("#sommaire a")).stream().map(WebElement::getText))
                .contains("→ " + rubrique);
        assertThat(publicQuestions(rubrique)).containsExactly(second, first);
        WebElement firstQuestion = browser.driver().findElements(By.cssSelector("details.faq-question")).stream()
                .filter(d -> d.getText().contains(first)).findFirst().orElseThrow();
        firstQuestion.findElement(By.tagName("summary")).click();
        browser.waiting().until(d -> firstQuestion.getText().contains("Réponse définitive " + tag + "."));

        // Unpublished again, the question disappears from the public page.
        browser.open(base + "admin/faq.xhtml");
        clickAdmin("Dépublier la question : " + second);
        browser.open(base + "faq.xhtml");
        assertThat(publicQuestions(rubrique)).containsExactly(first);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private void logInAsAdmin() {
        browser.open(base + "connexion.xhtml");
        browser.type("j_username", People.ADMIN);
        browser.type("j_password", WebClient.DEMO_PASSWORD);
        browser.click("loginSubmit");
        browser.waiting().until(d -> !d.getCurrentUrl().contains("j_security_check")
                && !d.findElements(By.id("contenu")).isEmpty());
    }

    private void selectRubrique(String title) {
        browser.waitForAjax();
        new org.openqa.selenium.support.ui.Select(browser.present("faqAdmin:questionRubrique")).selectByVisibleText(title);
    }

    private void clickAdmin(String ariaLabel) {
        browser.click(By.xpath("//button[@aria-label=" + xpathLiteral(ariaLabel) + "]"));
        browser.waitForAjax();
    }

    private WebElement adminRubrique(String title) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("section.faq-admin-rubrique")).stream()
                .filter(s -> s.findElement(By.cssSelector(".rubrique-title")).getText().equals(title))
                .findFirst().orElse(null));
    }

    private List<String> adminQuestions(String rubrique) {
        browser.waitForAjax();
        return adminRubrique(rubrique).findElements(By.cssSelector(".question-text")).stream()
                .map(WebElement::getText).toList();
    }

    private List<String> publicQuestions(String rubrique) {
        WebElement section = browser.driver().findElements(By.cssSelector("section.faq-rubrique")).stream()
                .filter(s -> s.findElement(By.tagName("h2")).getText().equals(rubrique)).findFirst().orElseThrow();
        return section.findElements(By.cssSelector("summary")).stream().map(WebElement::getText).toList();
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    private static void insertQuestion(String slug, String question, boolean published) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("test.db.url"),
                System.getProperty("test.db.user"), System.getProperty("test.db.password"));
             PreparedStatement ps = c.prepareStatement("insert into faq_question (rubrique_id, question, answer, "
                     + "sort_order, published, version) select id, ?, 'Réponse.', 100, ?, 0 from faq_rubrique where slug = ?")) {
            ps.setString(1, question);
            ps.setBoolean(2, published);
            ps.setString(3, slug);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
