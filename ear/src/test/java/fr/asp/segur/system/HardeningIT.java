package fr.asp.segur.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker reads from the public port (issue 11): the security headers of every page and download, the
 * session cookie's attributes, and the answers to malformed requests (a generic French page, never a stack trace,
 * an exception's class, the server or a version), the server root and /console.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private final HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The wizard answers a first visit with a redirect to its draft (enrolement.xhtml?brouillon=…): followed. */
    private final HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .cookieHandler(new java.net.CookieManager()).build();

    /** The Set-Cookie headers of a response and of the redirects that led to it. */
    private static List<String> setCookies(HttpResponse<?> response) {
        List<String> all = new java.util.ArrayList<>();
        for (HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) {
            all.addAll(r.headers().allValues("Set-Cookie"));
        }
        return all;
    }

    private static final List<String> PUBLIC_PAGES = List.of("", "index.xhtml", "enrolement.xhtml", "contact.xhtml",
            "faq.xhtml", "connexion.xhtml", "connexion-erreur.xhtml", "mot-de-passe-oublie.xhtml",
            "mot-de-passe.xhtml?jeton=inconnu", "complements.xhtml?jeton=inconnu", "session-expiree.xhtml", "cgu.xhtml",
            "mentions-legales.xhtml", "donnees-personnelles.xhtml", "cookies.xhtml", "accessibilite.xhtml",
            "erreur", "modeles/mandat.pdf", "modeles/contrat-prestation.pdf", "dsfr/dsfr.min.css",
            "altcha/altcha.js", "jakarta.faces.resource/js/portal.js.xhtml?ln=segur", "page-inexistante.xhtml",
            "backoffice/index.xhtml");
    private static final List<String> BACK_OFFICE_PAGES = List.of("backoffice/index.xhtml",
            "backoffice/tableau-de-bord.xhtml", "backoffice/assistance.xhtml", "backoffice/export.csv",
            "backoffice/export.xlsx", "compte/mot-de-passe.xhtml", "backoffice/document?id=999999999");

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        String what = response.uri() + " (" + response.statusCode() + ")";
        String csp = String.join(" ", response.headers().allValues("Content-Security-Policy"));
        assertThat(response.headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
        assertThat(csp).as(what).contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'")
                .doesNotContain("unsafe-eval").doesNotContain("*");
        Matcher script = Pattern.compile("script-src ([^;]*)").matcher(csp);
        if (script.find()) {
            assertThat(script.group(1)).as(what).doesNotContain("unsafe-inline");
        } else {
            assertThat(csp).as(what).contains("default-src 'none'");
        }
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(what).isPresent();
        assertThat(response.headers().firstValue("Permissions-Policy")).as(what).hasValueSatisfying(
                v -> assertThat(v).contains("camera=()", "geolocation=()"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what + ": not over plain HTTP").isEmpty();
        assertNoServerVersion(response);
    }

    private static void assertNoServerVersion(HttpResponse<?> response) {
        for (String header : List.of("Server", "X-Powered-By")) {
            assertThat(response.headers().firstValue(header)).as(response.uri() + " " + header).isEmpty();
        }
    }

    private static void assertNothingTechnical(HttpResponse<String> response) {
        // PrimeFaces' settings echo web.xml's error pages, ViewExpiredException's name included: public, not a leak.
        String body = response.body().replaceAll("errorPages:\\{[^}]*\\}", "");
        assertThat(body).as(response.uri().toString())
                .doesNotContainIgnoringCase("exception").doesNotContain("io.undertow").doesNotContainIgnoringCase("xnio")
                .doesNotContainIgnoringCase("wildfly").doesNotContainIgnoringCase("undertow").doesNotContain("\tat ")
                .doesNotContain("java.").doesNotContain("jakarta.faces.FacesException").doesNotContain("Caused by");
        assertNoServerVersion(response);
    }

    private HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPublicPageDownloadAndResourceCarriesTheSecurityHeaders() throws Exception {
        for (String page : PUBLIC_PAGES) {
            assertSecurityHeaders(get(plain, base + page));
        }
        HttpResponse<String> page = get(following, base + "enrolement.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("PrimeFaces' policy, with this page's nonce").containsPattern("script-src 'self' 'nonce-[^']+'");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(page.headers().firstValue("Content-Security-Policy").get());
        assertThat(nonce.find()).isTrue();
        assertThat(page.body()).contains("nonce=\"" + nonce.group(1) + "\"");
        assertThat(page.body()).as("no inline event handler left in the page").doesNotContainPattern("\\son(click|change|complete|load)=\"");
    }

    @Test
    void theBackOfficeItsExportsAndDocumentsCarryTheSecurityHeadersToo() throws Exception {
        WebClient agent = new WebClient(base.toString());
        agent.loginThrough("backoffice/index.xhtml", People.SUPERVISEUR);
        for (String page : BACK_OFFICE_PAGES) {
            assertSecurityHeaders(agent.getBytes(page));
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureOverTls() throws Exception {
        HttpResponse<String> page = get(following, base + "enrolement.xhtml");
        String cookie = setCookies(page).stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");

        SSLContext trustAll = SSLContext.getInstance("TLS");
        // The server's certificate is WildFly's self-signed one, for no address: trusted as is, host not checked
        // (an X509ExtendedTrustManager, else JSSE checks the host itself).
        trustAll.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) { }
            public void checkServerTrusted(X509Certificate[] chain, String type) { }
            public void checkClientTrusted(X509Certificate[] chain, String type, Socket socket) { }
            public void checkServerTrusted(X509Certificate[] chain, String type, Socket socket) { }
            public void checkClientTrusted(X509Certificate[] chain, String type, SSLEngine engine) { }
            public void checkServerTrusted(X509Certificate[] chain, String type, SSLEngine engine) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        HttpClient tls = HttpClient.newBuilder().sslContext(trustAll).followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new java.net.CookieManager()).build();
        int httpsPort = 8443 + Integer.getInteger("test.port.offset", 0);
        HttpResponse<String> secure = get(tls, "https://127.0.0.1:" + httpsPort + base.getPath() + "enrolement.xhtml");
        assertThat(secure.statusCode()).isEqualTo(200);
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000"));
        String secureCookie = setCookies(secure).stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(secureCookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aMalformedMultipartPostGetsTheGenericPage() throws Exception {
        WebClient visitor = new WebClient(base.toString());
        visitor.get("enrolement.xhtml");
        HttpResponse<String> answer = plain.send(HttpRequest.newBuilder(URI.create(base + "enrolement.xhtml"))
                .header("Content-Type", "multipart/form-data; boundary=----pirate")
                .POST(HttpRequest.BodyPublishers.ofString("------pirate\r\nContent-Disposition: form-data; name=\"x\r\n\r\n"
                        + "sans fin", StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isBetween(400, 599);
        assertThat(answer.body()).contains("Portail SEGUR Numérique");
        assertNothingTechnical(answer);
        assertSecurityHeaders(answer);
    }

    @Test
    void aBadViewStateGetsTheSessionExpiredPage() throws Exception {
        HttpResponse<String> answer = plain.send(HttpRequest.newBuilder(URI.create(base + "contact.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("contact=contact&contact%3Asend=Envoyer"
                        + "&jakarta.faces.ViewState=-123%3A456")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("Votre session a expiré");
        assertNothingTechnical(answer);
    }

    @Test
    void aFailingAjaxRequestIsRedirectedNotExplained() throws Exception {
        WebClient visitor = new WebClient(base.toString());
        HttpResponse<String> page = visitor.get("contact.xhtml");
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(viewState.find()).isTrue();
        String[] bodies = {
            // An expired view.
            "jakarta.faces.partial.ajax=true&jakarta.faces.source=contact%3Asend&jakarta.faces.partial.execute=%40all"
                    + "&jakarta.faces.partial.render=contact&contact=contact&jakarta.faces.ViewState=-1%3A-2",
            // A live view, an event the page never offered, with a hostile value.
            "jakarta.faces.partial.ajax=true&jakarta.faces.source=contact%3Anowhere&jakarta.faces.partial.execute=contact%3Anowhere"
                    + "&jakarta.faces.partial.render=contact%3Anowhere&jakarta.faces.behavior.event=%7B%7D&contact=contact"
                    + "&contact%3Acouloir=%00%00&jakarta.faces.ViewState="
                    + java.net.URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)};
        for (String body : bodies) {
            HttpResponse<String> answer = visitor.post("contact.xhtml?", body);
            assertThat(answer.body()).as(body).doesNotContain("<error-name>").doesNotContain("<error-message>");
            assertNothingTechnical(answer);
        }
    }

    @Test
    void anUnknownPageIsAFrenchNotFound() throws Exception {
        HttpResponse<String> missing = get(plain, base + "n-existe-pas.xhtml");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page introuvable");
        assertNothingTechnical(missing);
        HttpResponse<String> missingFile = get(plain, base + "n-existe-pas.png");
        assertThat(missingFile.statusCode()).isEqualTo(404);
        assertNothingTechnical(missingFile);
    }

    @Test
    void theServerRootLeadsToThePortalAndConsoleNowhere() throws Exception {
        String root = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        HttpResponse<String> home = get(plain, root + "/");
        assertThat(home.statusCode()).isIn(301, 302, 303, 307, 308);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/segurnum/");
        assertNothingTechnical(home);
        HttpResponse<String> console = get(plain, root + "/console");
        assertThat(console.statusCode()).isEqualTo(404);
        assertThat(console.headers().firstValue("Location")).isEmpty();
        assertNothingTechnical(console);
        assertNothingTechnical(get(plain, root + "/index.html"));
    }
}
