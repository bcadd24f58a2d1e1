package fr.asp.segur.application.account;

import fr.asp.segur.application.config.Settings;
import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.captcha.CaptchaService;
import fr.asp.segur.application.ratelimit.RateLimit;
import fr.asp.segur.application.ratelimit.RateLimiter;
import fr.asp.segur.domain.account.AccessToken;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.asp.segur.application.mail.MailOutbox;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
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

    public static final Duration PASSWORD_LINK_LIFETIME = Duration.ofHours(72);
    public static final Duration RESET_LINK_LIFETIME = Duration.ofHours(2);
    /** The portal's address as people reach it, for the links in emails. */
    public static final String PUBLIC_URL = Settings.string("segur.public-url", "http://localhost:8080/segurnum");
    public static final String LINK_UNUSABLE = "Ce lien n'est plus valable : il a déjà servi ou il a expiré. "
            + "Utilisez « Mot de passe oublié » sur la page de connexion pour en recevoir un nouveau.";

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private MailOutbox outbox;
    @EJB
    private CaptchaService captcha;
    @EJB
    private RateLimiter rateLimiter;
    @Resource
    private SessionContext context;

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
        find(login).ifPresent(a -> setPassword(a, password));
    }

    /**
     * "Ouverture des accès" when a request is validated: the person who filed it gets the supplier
     * role and the company on their account; a new account comes with a link to choose a password
     * (valid {@link #PASSWORD_LINK_LIFETIME}), the only secret the email carries.
     */
    @RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE})
    public SupplierAccess openSupplierAccess(String email, String displayName, String siret) {
        Optional<Account> existing = find(email);
        Account account = existing.orElseGet(() -> {
            Account created = new Account(email, email, displayName, EnumSet.of(Role.FOURNISSEUR), LocalDateTime.now());
            em.persist(created);
            return created;
        });
        account.grantCompany(siret);
        String secret = null;
        if (!account.hasPassword()) {
            AccessToken.Issued issued = AccessToken.issue(account, AccessToken.CHOOSE_PASSWORD, LocalDateTime.now(),
                    PASSWORD_LINK_LIFETIME);
            em.persist(issued.token());
            secret = issued.secret();
        }
        return new SupplierAccess(account.getLogin(), existing.isEmpty(), secret);
    }

    /** The link's holder chooses a password; the link then stops working. */
    public void choosePasswordWithLink(String secret, String password, String confirmation) {
        AccessToken token = secret == null ? null : em.createQuery(
                        "select t from AccessToken t where t.tokenHash = :hash", AccessToken.class)
                .setParameter("hash", AccessToken.hash(secret)).getResultList().stream().findFirst().orElse(null);
        if (token == null || !token.isUsable(LocalDateTime.now())
                || !AccessToken.CHOOSE_PASSWORD.equals(token.getPurpose())) {
            throw new BusinessRuleException("jeton", LINK_UNUSABLE);
        }
        PasswordPolicy.check(password, confirmation);
        token.use(LocalDateTime.now());
        setPassword(token.getAccount(), password);
    }

    /**
     * "Mot de passe oublié": emails a link to choose a new password if the login is an enabled account.
     * Says nothing either way, so that nobody can probe which addresses have an account. The captcha comes
     * first: without it a script could fill any mailbox with links.
     */
    public void requestPasswordLink(String login, String captchaId, String captchaPayload) {
        rateLimiter.hit(RateLimit.PASSWORD_RESET, login, "captcha");
        captcha.check("captcha", captchaId, captchaPayload);
        find(login).filter(Account::isEnabled).ifPresent(account -> {
            AccessToken.Issued issued = AccessToken.issue(account, AccessToken.CHOOSE_PASSWORD, LocalDateTime.now(),
                    RESET_LINK_LIFETIME);
            em.persist(issued.token());
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", account.getDisplayName());
            model.put("login", account.getLogin());
            model.put("link", PUBLIC_URL + "/mot-de-passe.xhtml?jeton=" + issued.secret());
            model.put("hours", RESET_LINK_LIFETIME.toHours());
            outbox.enqueue(account.getEmail(), "Portail SEGUR Numérique - Choisir un nouveau mot de passe",
                    "mot-de-passe-oublie", model);
        });
    }

    /** A logged-in person changes their own password, proving they know the current one. */
    @RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISEUR_ROLE, Role.ADMINISTRATEUR_ROLE, Role.FOURNISSEUR_ROLE})
    public void changeMyPassword(String current, String password, String confirmation) {
        Account me = find(context.getCallerPrincipal().getName()).orElseThrow();
        if (current == null || !me.hasPassword() || !PasswordHasher.verify(me.passwordHash(), current.toCharArray())) {
            throw new BusinessRuleException("currentPassword", "Le mot de passe actuel est incorrect.");
        }
        PasswordPolicy.check(password, confirmation);
        setPassword(me, password);
    }

    /**
     * Every way a password changes ends here: the new hash, and every link still outstanding for the account
     * (choose or reset a password) spent, so that an older emailed link cannot set the password again.
     */
    private void setPassword(Account account, String password) {
        account.changePasswordHash(PasswordHasher.hash(password.toCharArray()));
        em.createQuery("update AccessToken t set t.usedAt = :now where t.account = :account and t.usedAt is null")
                .setParameter("now", LocalDateTime.now()).setParameter("account", account).executeUpdate();
    }

    public void recordSuccessfulLogin(String login) {
        find(login).ifPresent(Account::recordSuccessfulLogin);
    }
}
