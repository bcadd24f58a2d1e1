package fr.asp.segur.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.captcha.IssuedCaptcha;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Forgotten and changed passwords: by emailed single-use link, or knowing the current one. */
@ExtendWith(ArquillianExtension.class)
class PasswordIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(PasswordIT.class, Fixtures.class, People.class, WebClient.class);
    }

    @EJB
    AccountService accounts;
    @EJB
    CaptchaService captcha;
    @Resource(lookup = "java:jboss/datasources/SegurDS")
    DataSource ds;

    private static String base() {
        return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/segurnum/";
    }

    /** "Mot de passe oublié" as the page calls it: with a solved captcha. */
    private void requestLink(String login) {
        IssuedCaptcha challenge = captcha.issue();
        accounts.requestPasswordLink(login, challenge.id(), Fixtures.solveCaptcha(challenge));
    }

    /** A new agent account with the demo password (its hash copied from the demo agent). */
    private String newAgent() throws Exception {
        String login = "mdp-" + System.nanoTime() + "@asp-public.fr";
        Fixtures.execute(ds, "insert into app_account (login, email, display_name, password_hash, enabled, failed_logins, "
                + "created_at, version) select ?, ?, 'Agent test', password_hash, true, 0, current_timestamp, 0 "
                + "from app_account where login = 'agent@asp-public.fr'", login, login);
        Fixtures.execute(ds, "insert into account_role (account_id, role) select id, 'agent' from app_account where login = ?", login);
        return login;
    }

    private String lastMail(String recipient) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select text_body from mail_message where recipient = ? order by id desc")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aForgottenPasswordIsReplacedThroughASingleUseLink() throws Exception {
        String login = newAgent();
        requestLink(login.toUpperCase());
        requestLink("personne-" + System.nanoTime() + "@asp-public.fr");

        Matcher link = Pattern.compile("jeton=([A-Za-z0-9_-]+)").matcher(lastMail(login));
        assertTrue(link.find());
        accounts.choosePasswordWithLink(link.group(1), "Nouveau-Secret-2026", "Nouveau-Secret-2026");

        WebClient old = new WebClient(base());
        old.get("backoffice/index.xhtml");
        assertTrue(old.login(login, WebClient.DEMO_PASSWORD).body().contains("Identifiant ou mot de passe incorrect"));
        WebClient fresh = new WebClient(base());
        fresh.get("backoffice/index.xhtml");
        assertTrue(fresh.login(login, "Nouveau-Secret-2026").body().contains("Espace de gestion"));
    }

    @Test
    void aLoggedInPersonChangesTheirPasswordKnowingTheCurrentOne() throws Exception {
        String login = newAgent();
        BusinessRuleException wrong = assertThrows(BusinessRuleException.class,
                () -> People.as(login, () -> accounts.changeMyPassword("pas-le-bon", "Autre-Secret-2026", "Autre-Secret-2026")));
        assertEquals("Le mot de passe actuel est incorrect.", wrong.getMessage());

        People.as(login, () -> accounts.changeMyPassword(WebClient.DEMO_PASSWORD, "Autre-Secret-2026", "Autre-Secret-2026"));

        WebClient client = new WebClient(base());
        client.get("backoffice/index.xhtml");
        assertTrue(client.login(login, "Autre-Secret-2026").body().contains("Espace de gestion"));
    }

    private String link(String login) throws Exception {
        Matcher link = Pattern.compile("jeton=([A-Za-z0-9_-]+)").matcher(lastMail(login));
        assertTrue(link.find());
        return link.group(1);
    }

    @Test
    void anOlderLinkStopsWorkingOnceThePasswordChanged() throws Exception {
        String login = newAgent();
        // Changing it knowing the current one spends the outstanding links.
        requestLink(login);
        String outstanding = link(login);
        People.as(login, () -> accounts.changeMyPassword(WebClient.DEMO_PASSWORD, "Autre-Secret-2026", "Autre-Secret-2026"));
        assertThrows(BusinessRuleException.class,
                () -> accounts.choosePasswordWithLink(outstanding, "Pirate-Secret-2026", "Pirate-Secret-2026"));

        // Two links asked for; using the newer one spends the older.
        requestLink(login);
        String older = link(login);
        requestLink(login);
        String newer = link(login);
        assertNotEquals(older, newer);
        accounts.choosePasswordWithLink(newer, "Nouveau-Secret-2026", "Nouveau-Secret-2026");
        BusinessRuleException stale = assertThrows(BusinessRuleException.class,
                () -> accounts.choosePasswordWithLink(older, "Pirate-Secret-2026", "Pirate-Secret-2026"));
        assertEquals(AccountService.LINK_UNUSABLE, stale.getMessage());
        assertEquals(0, Fixtures.count(ds, "select count(*) from access_token t join app_account a on a.id = t.account_id "
                + "where a.login = ? and t.used_at is null", login));

        WebClient client = new WebClient(base());
        client.get("backoffice/index.xhtml");
        assertTrue(client.login(login, "Nouveau-Secret-2026").body().contains("Espace de gestion"));
    }
}
