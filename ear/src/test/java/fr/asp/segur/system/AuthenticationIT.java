package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Form login through WildFly Elytron against the portal's accounts: protected pages ask for a login,
 * the session id changes on login, wrong roles are refused, repeated failures lock the account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationIT {

    private static final String DEMO_PASSWORD = "Segur-Demo-2026!";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private static final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String base, String user, String password) throws Exception {
            String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(URI.create(base + "j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }
    }

    @Test
    void anAgentLogsInThroughTheFormAndGetsANewSession() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.get(base + "backoffice/index.xhtml");
        assertTrue(loginPage.body().contains("j_security_check"), "a protected page asks for a login first");
        String before = browser.sessionId();

        HttpResponse<String> backOffice = browser.login(base.toString(), "Agent@ASP-public.fr", DEMO_PASSWORD);

        assertEquals(200, backOffice.statusCode());
        assertTrue(backOffice.body().contains("Espace de gestion"), backOffice.body());
        assertNotEquals(before, browser.sessionId(), "the session id changes at login (no fixation)");

        browser.get(base + "deconnexion");
        assertTrue(browser.get(base + "backoffice/index.xhtml").body().contains("j_security_check"),
                "after logout the back office asks for a login again");
    }

    @Test
    void aWrongPasswordIsRefusedWithAFrenchMessage() throws Exception {
        Browser browser = new Browser();
        browser.get(base + "backoffice/index.xhtml");
        HttpResponse<String> refused = browser.login(base.toString(), "superviseur@asp-public.fr", "mauvais");
        assertTrue(refused.body().contains("Identifiant ou mot de passe incorrect"), refused.body());
    }

    @Test
    void anAdministratorIsNotASupplier() throws Exception {
        Browser browser = new Browser();
        browser.get(base + "mon-espace");
        browser.login(base.toString(), "admin@asp-public.fr", DEMO_PASSWORD);
        assertEquals(403, browser.get(base + "espace/index.xhtml").statusCode());
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        String login = "verrou-" + System.nanoTime() + "@asp-public.fr";
        try (var c = DriverManager.getConnection(System.getProperty("test.db.url"), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"))) {
            try (PreparedStatement ps = c.prepareStatement("insert into app_account (login, email, display_name, "
                    + "password_hash, enabled, failed_logins, created_at, version) select ?, ?, 'Verrou', password_hash, "
                    + "true, 0, current_timestamp, 0 from app_account where login = 'agent@asp-public.fr'")) {
                ps.setString(1, login);
                ps.setString(2, login);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into account_role (account_id, role) "
                    + "select id, 'agent' from app_account where login = ?")) {
                ps.setString(1, login);
                ps.executeUpdate();
            }
        }
        for (int i = 0; i < 5; i++) {
            Browser attempt = new Browser();
            attempt.get(base + "backoffice/index.xhtml");
            attempt.login(base.toString(), login, "mauvais-" + i);
        }
        Browser browser = new Browser();
        browser.get(base + "backoffice/index.xhtml");
        HttpResponse<String> locked = browser.login(base.toString(), login, DEMO_PASSWORD);
        assertTrue(locked.body().contains("Identifiant ou mot de passe incorrect"), "a locked account cannot log in");
    }
}
