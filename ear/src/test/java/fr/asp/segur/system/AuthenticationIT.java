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
 * the session id changes on login, wrong roles are refused, repeated failures from one address stop that
 * address (not the account's owner elsewhere), and a link to the error page counts nothing.
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

    /** An agent account with the demo password (its hash copied from the demo agent's). */
    private static String newAgent(String prefix) throws Exception {
        String login = prefix + "-" + System.nanoTime() + "@asp-public.fr";
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
        return login;
    }

    /** A loopback address of its own for each client of a test, so that earlier runs' counts do not matter. */
    private static String anotherAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "127." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(2, 255);
    }

    /** Opens the back office from {@code client}, logs in, follows the redirect: the page the person lands on. */
    private static LoopbackClient.Response logIn(LoopbackClient client, String login, String password) throws Exception {
        client.get("backoffice/index.xhtml");
        LoopbackClient.Response posted = client.post("j_security_check",
                "j_username=" + java.net.URLEncoder.encode(login, java.nio.charset.StandardCharsets.UTF_8)
                        + "&j_password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8));
        return posted.status() == 302 ? client.get("backoffice/index.xhtml") : posted;
    }

    @Test
    void fiveFailuresFromOneAddressStopThatAddressNotTheAccountsOwner() throws Exception {
        String login = newAgent("verrou");
        String attacker = anotherAddress();
        for (int i = 0; i < 5; i++) {
            LoopbackClient.Response refused = logIn(new LoopbackClient(attacker), login, "mauvais-" + i);
            assertTrue(refused.body().contains("Identifiant ou mot de passe incorrect") || refused.status() == 429,
                    refused.body());
        }
        LoopbackClient.Response blocked = logIn(new LoopbackClient(attacker), login, DEMO_PASSWORD);
        assertEquals(429, blocked.status(), "even the right password is refused from the attacker's address");
        assertTrue(blocked.body().contains("Trop de tentatives de connexion infructueuses"), blocked.body());
        assertTrue(new LoopbackClient(attacker).get("backoffice/index.xhtml").body().contains("j_security_check"),
                "the refused login left no session behind");

        LoopbackClient owner = new LoopbackClient(anotherAddress());
        LoopbackClient.Response in = logIn(owner, login, DEMO_PASSWORD);
        assertEquals(200, in.status());
        assertTrue(in.body().contains("Espace de gestion"), "the owner, elsewhere, is not locked out");
    }

    @Test
    void aLinkToTheLoginErrorPageCountsNoFailure() throws Exception {
        String victim = newAgent("victime");
        String stranger = anotherAddress();
        for (int i = 0; i < 12; i++) {
            LoopbackClient.Response page = new LoopbackClient(stranger).get("connexion-erreur.xhtml?j_username="
                    + java.net.URLEncoder.encode(victim, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, page.status());
        }
        LoopbackClient.Response in = logIn(new LoopbackClient(stranger), victim, DEMO_PASSWORD);
        assertTrue(in.body().contains("Espace de gestion"), "nothing was counted against the victim, from anywhere");
        WebClient local = new WebClient(base.toString());
        local.get("backoffice/index.xhtml");
        assertTrue(local.login(victim, DEMO_PASSWORD).body().contains("Espace de gestion"));
    }

    @Test
    void twentyFailuresFromOneAddressOverAnyAccountsStopThatAddress() throws Exception {
        String address = anotherAddress();
        for (int i = 0; i < 20; i++) {
            logIn(new LoopbackClient(address), "inconnu-" + i + "-" + System.nanoTime() + "@asp-public.fr", "mauvais");
        }
        String login = newAgent("bourrage");
        assertEquals(429, logIn(new LoopbackClient(address), login, DEMO_PASSWORD).status());
        assertEquals(200, logIn(new LoopbackClient(anotherAddress()), login, DEMO_PASSWORD).status());
    }
}
