package fr.asp.segur.system;

import java.util.concurrent.Callable;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/** In-container tests act as one of the demo accounts, authenticated by the server's own domain. */
final class People {

    static final String AGENT = "agent@asp-public.fr";
    static final String SUPERVISEUR = "superviseur@asp-public.fr";
    static final String ADMIN = "admin@asp-public.fr";
    private static final String DEMO_PASSWORD = "Segur-Demo-2026!";

    private People() {
    }

    static <T> T as(String login, Callable<T> action) throws Exception {
        SecurityIdentity identity = SecurityDomain.getCurrent()
                .authenticate(login, new PasswordGuessEvidence(DEMO_PASSWORD.toCharArray()));
        return identity.runAs(action);
    }

    interface Action {
        void run() throws Exception;
    }

    static void as(String login, Action action) throws Exception {
        as(login, () -> {
            action.run();
            return null;
        });
    }
}
