package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
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

    private static final String DEMO_PASSWORD = WebClient.DEMO_PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAgentLogsInThroughTheFormAndGetsANewSession() throws Exception {
        WebClient browser = new WebClient(base.toString());
        HttpResponse<String> loginPage = browser.get("backoffice/index.xhtml");
        assertTrue(loginPage.body().contains("j_security_check"), "a protected page asks for a login first");
        String before = browser.sessionId();

        HttpResponse<String> backOffice = browser.login("Agent@ASP-public.fr", DEMO_PASSWORD);

        assertEquals(200, backOffice.statusCode());
        assertTrue(backOffice.body().contains("Espace de gestion"), backOffice.body());
        assertNotEquals(before, browser.sessionId(), "the session id changes at login (no fixation)");

        browser.get("deconnexion");
        assertTrue(browser.get("backoffice/index.xhtml").body().contains("j_security_check"),
                "after logout the back office asks for a login again");
    }

    @Test
    void aWrongPasswordIsRefusedWithAFrenchMessage() throws Exception {
        WebClient browser = new WebClient(base.toString());
        browser.get("backoffice/index.xhtml");
        HttpResponse<String> refused = browser.login("superviseur@asp-public.fr", "mauvais");
        assertTrue(refused.body().contains("Identifiant ou mot de passe incorrect"), refused.body());
    }

    @Test
    void anAdministratorIsNotASupplier() throws Exception {
        WebClient browser = new WebClient(base.toString());
        browser.get("mon-espace");
        browser.login("admin@asp-public.fr", DEMO_PASSWORD);
        assertEquals(403, browser.get("espace/index.xhtml").statusCode());
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
            WebClient attempt = new WebClient(base.toString());
            attempt.get("backoffice/index.xhtml");
            attempt.login(login, "mauvais-" + i);
        }
        WebClient browser = new WebClient(base.toString());
        browser.get("backoffice/index.xhtml");
        HttpResponse<String> locked = browser.login(login, DEMO_PASSWORD);
        assertTrue(locked.body().contains("Identifiant ou mot de passe incorrect"), "a locked account cannot log in");
    }
}
