package fr.asp.segur.application.account;

import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts of the people who log in. WildFly Elytron checks passwords against {@code app_account};
 * this service creates accounts, stores chosen passwords as bcrypt hashes, and keeps the count of
 * failed logins that locks an account.
 */
@Stateless
@PermitAll
public class AccountService {

    @PersistenceContext(unitName = "segur")
    private EntityManager em;

    public Optional<Account> find(String login) {
        List<Account> found = em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", Account.normalise(login)).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @RolesAllowed(Role.ADMINISTRATEUR_ROLE)
    public Account create(String login, String email, String displayName, Set<Role> roles) {
        Account account = new Account(login, email, displayName, roles, LocalDateTime.now());
        em.persist(account);
        return account;
    }

    /** Sets a password the person chose; the policy's refusals change nothing. */
    @RolesAllowed(Role.ADMINISTRATEUR_ROLE)
    public void choosePassword(String login, String password, String confirmation) {
        PasswordPolicy.check(password, confirmation);
        find(login).ifPresent(a -> a.changePasswordHash(PasswordHasher.hash(password.toCharArray())));
    }

    /** Called by the login error page; an unknown login changes nothing (and says nothing). */
    public void recordFailedLogin(String login) {
        find(login).ifPresent(a -> a.recordFailedLogin(LocalDateTime.now()));
    }

    public void recordSuccessfulLogin(String login) {
        find(login).ifPresent(Account::recordSuccessfulLogin);
    }
}
