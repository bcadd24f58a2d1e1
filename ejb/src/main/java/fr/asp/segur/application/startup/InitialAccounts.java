package fr.asp.segur.application.startup;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.account.AccountService;
import fr.asp.segur.domain.account.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The accounts a new installation starts with. In production: the first administrator, from
 * {@code -Dsegur.admin.login} and {@code -Dsegur.admin.password}, created once. For the demo and the
 * tests only ({@code -Dsegur.demo-accounts=true}): an agent, a supervisor and an administrator whose
 * passwords the README gives.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@RunAs(Role.ADMINISTRATEUR_ROLE)
@DeclareRoles(Role.ADMINISTRATEUR_ROLE)
@PermitAll
public class InitialAccounts {

    private static final Logger LOG = Logger.getLogger(InitialAccounts.class.getName());
    /** The demo accounts' password, published in the README: never enable them in production. */
    public static final String DEMO_PASSWORD = "Segur-Demo-2026!";

    @EJB
    private AccountService accounts;

    @PostConstruct
    void install() {
        String adminLogin = Settings.optional("segur.admin.login").orElse(null);
        String adminPassword = Settings.optional("segur.admin.password").orElse(null);
        if (adminLogin != null && adminPassword != null) {
            ensure(adminLogin, "Administrateur", EnumSet.of(Role.ADMINISTRATEUR), adminPassword);
        }
        if (Settings.bool("segur.demo-accounts", false)) {
            ensure("agent@asp-public.fr", "Agent de démonstration", EnumSet.of(Role.AGENT), DEMO_PASSWORD);
            ensure("superviseur@asp-public.fr", "Superviseur de démonstration",
                    EnumSet.of(Role.AGENT, Role.SUPERVISEUR), DEMO_PASSWORD);
            ensure("admin@asp-public.fr", "Administrateur de démonstration", EnumSet.of(Role.ADMINISTRATEUR),
                    DEMO_PASSWORD);
        }
    }

    private void ensure(String login, String name, Set<Role> roles, String password) {
        if (accounts.find(login).isEmpty()) {
            accounts.create(login, login, name, roles);
            accounts.choosePassword(login, password, password);
            LOG.info(() -> "Initial account created: " + login + " " + roles);
        }
    }
}
