package fr.asp.segur.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountLockoutTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 9, 0);

    private static Account agent() {
        Account account = new Account(" Agent.Dupont@ASP.fr ", "agent.dupont@asp.fr", "Claire Dupont",
                Set.of(Role.AGENT), NOW);
        account.changePasswordHash("$2a$12$hash");
        return account;
    }

    @Test
    void loginsAreComparedWithoutCaseOrSpaces() {
        assertThat(agent().getLogin()).isEqualTo("agent.dupont@asp.fr");
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForFifteenMinutes() {
        Account account = agent();
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(NOW);
        }
        assertThat(account.isLocked(NOW)).isFalse();
        account.recordFailedLogin(NOW);
        assertThat(account.isLocked(NOW)).isTrue();
        assertThat(account.isLocked(NOW.plusMinutes(14))).isTrue();
        assertThat(account.isLocked(NOW.plusMinutes(15))).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        Account account = agent();
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(NOW);
        }
        account.recordSuccessfulLogin();
        account.recordFailedLogin(NOW);
        assertThat(account.isLocked(NOW)).isFalse();
        assertThat(account.getFailedLogins()).isEqualTo(1);
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
        Account account = agent();
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW);
        }
        LocalDateTime until = account.getLockedUntil();
        account.recordFailedLogin(NOW.plusMinutes(10));
        assertThat(account.getLockedUntil()).isEqualTo(until);
    }

    @Test
    void roleNamesAreTheLowerCaseNamesTheServerChecks() {
        assertThat(Role.SUPERVISEUR.roleName()).isEqualTo(Role.SUPERVISEUR_ROLE);
        assertThat(new Account.RoleConverter().convertToEntityAttribute("administrateur")).isEqualTo(Role.ADMINISTRATEUR);
    }
}
