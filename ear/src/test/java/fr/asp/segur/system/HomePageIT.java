package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The public home page of the supplier guide (section 2) in the State's design system: its labels, and every
 * link of the page, its header and its footer leading to a page that answers 200 with the right title.
 */
class HomePageIT extends BrowserJourney {

    private static final String SUFFIX = " - Portail SEGUR Numérique";
    /** Each page the home page links to, by path under the context root, with its title. */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("", "Accueil" + SUFFIX),
            Map.entry("mon-espace", "Se connecter" + SUFFIX),
            Map.entry("enrolement.xhtml", "Demande d'enrôlement" + SUFFIX),
            Map.entry("cgu.xhtml", "Conditions générales d'utilisation" + SUFFIX),
            Map.entry("mentions-legales.xhtml", "Mentions légales" + SUFFIX),
            Map.entry("donnees-personnelles.xhtml", "Données personnelles" + SUFFIX),
            Map.entry("cookies.xhtml", "Gestion des cookies" + SUFFIX),
            Map.entry("accessibilite.xhtml", "Déclaration d'accessibilité" + SUFFIX));
    /** Pages of the assistance work (FAQ, contact form), checked by their own test. */
    private static final List<String> ASSISTANCE = List.of("faq.xhtml", "contact.xhtml");

    @Test
    void theHomePageShowsTheGuidesBlocksInTheStatesDesignSystem() {
        browser.open(base.toString());
        assertThat(browser.driver().getTitle()).isEqualTo("Accueil" + SUFFIX);
        // The text as written (the DSFR shows the bloc-marque and the partners in capitals).
        String header = browser.visible(By.cssSelector("header.fr-header")).getDomProperty("textContent").replaceAll("\\s+", " ");
        assertThat(browser.driver().findElement(By.cssSelector(".fr-header .fr-logo")).getText())
                .isEqualToIgnoringCase("République\nfrançaise");
        assertThat(header).contains("Portail SEGUR Numérique", "Ministère des Solidarités et de la Santé",
                "Agence du Numérique en Santé", "l'Assurance Maladie", "CNSA", "France Relance");
        String main = browser.visible("contenu").getText();
        assertThat(main).contains("Demande d'enrôlement", "Se connecter", "Vous n'avez pas de compte ?",
                "Effectuer ma demande d'enrôlement", "Besoin d'aide ?", "Consulter les questions fréquentes",
                "Contacter l'assistance",
                "Qu'est-ce que le financement de l'équipement numérique des acteurs de l'offre de soins ?",
                "deux milliards d'euros accordés pour soutenir le développement massif et cohérent du numérique en santé");
        String footer = browser.visible("pied-de-page").getDomProperty("textContent").replaceAll("\\s+", " ");
        assertThat(footer).contains("Accessibilité : non conforme", "Mentions légales", "Données personnelles",
                "Gestion des cookies", "Conditions générales d'utilisation");
        // The DSFR comes from the portal itself: its stylesheet applied the Marianne font and the blue France.
        assertThat(browser.driver().findElement(By.tagName("body")).getCssValue("font-family")).startsWith("Marianne");
        assertThat(browser.driver().findElement(By.id("start-enrolment")).getCssValue("color")).isEqualTo("rgba(0, 0, 145, 1)");
    }

    @Test
    void everyLinkOfTheHomePageLeadsToAPageWithTheRightTitle() throws Exception {
        browser.open(base.toString());
        Map<String, String> internal = new LinkedHashMap<>();
        for (WebElement link : browser.driver().findElements(By.cssSelector("a[href]"))) {
            String href = link.getDomAttribute("href");
            String label = link.getText().isBlank() ? link.getDomAttribute("title") : link.getText().strip();
            if (href.startsWith("#")) {
                assertThat(browser.driver().findElements(By.id(href.substring(1)))).as("target of « %s »", label).hasSize(1);
            } else if (href.startsWith("https://")) {
                assertThat(link.getDomAttribute("target")).as("external link « %s »", label).isEqualTo("_blank");
                assertThat(link.getDomAttribute("rel")).contains("noopener");
                assertThat(link.getDomAttribute("title")).as("external link « %s » says so", label).endsWith("nouvelle fenêtre");
            } else {
                String path = URI.create(base.toString()).resolve(href).getPath().substring(base.getPath().length());
                internal.put(path, label);
            }
        }
        assertThat(internal.keySet()).containsAll(TITLES.keySet()).containsAll(ASSISTANCE).contains("dsfr/LICENSE.md");

        for (Map.Entry<String, String> link : internal.entrySet()) {
            String path = link.getKey();
            HttpResponse<String> response = new WebClient(base.toString()).get(path);
            if (ASSISTANCE.contains(path)) {
                continue;
            }
            assertThat(response.statusCode()).as("« %s » → /%s", link.getValue(), path).isEqualTo(200);
            if (path.equals("dsfr/LICENSE.md")) {
                assertThat(response.body()).as("the DSFR's licence notice").contains("LICENCE OUVERTE 2.0");
                continue;
            }
            assertThat(TITLES).as("known target of « %s »", link.getValue()).containsKey(path);
            browser.open(base + path);
            assertThat(browser.driver().getTitle()).as("title of /%s", path).isEqualTo(TITLES.get(path));
        }
    }

    /** The help links lead to the FAQ and the contact form, which must answer (a 404 is a failure). */
    @Test
    void theHelpLinksLeadToTheFaqAndTheContactForm() throws Exception {
        for (String path : ASSISTANCE) {
            assertThat(new WebClient(base.toString()).get(path).statusCode()).as("status of /%s", path).isEqualTo(200);
        }
        browser.open(base.toString());
        for (String id : List.of("help-faq", "help-contact")) {
            browser.open(base.toString());
            browser.click(id);
            browser.waitForAjax();
            assertThat(browser.driver().getTitle()).as("page behind %s", id).endsWith(SUFFIX).isNotEqualTo("Accueil" + SUFFIX);
        }
    }
}
