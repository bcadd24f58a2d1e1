package fr.asp.segur.application.deposit;

import fr.asp.segur.application.BusinessRuleException;
import fr.asp.segur.application.audit.AuditTrail;
import fr.asp.segur.application.time.PortalClock;
import fr.asp.segur.domain.account.Account;
import fr.asp.segur.domain.account.ApiToken;
import fr.asp.segur.domain.account.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The supplier's API tokens: created in their space (the secret shown once, only its SHA-256 kept),
 * listed, revoked; and, for every API call, the check that turns a bearer secret into the account it
 * acts for. A token reaches exactly what its account reaches (the account's companies, read at each
 * call), so opening or closing a company's access applies to its tokens at once.
 */
@Stateless
public class ApiTokens {

    public static final String PREFIX = "sgr_";
    static final String CREATED = "CREATION_JETON_API";
    static final String REVOKED = "REVOCATION_JETON_API";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "segur")
    private EntityManager em;
    @EJB
    private AuditTrail audit;
    @EJB
    private PortalClock clock;
    @Resource
    private SessionContext context;

    /** A token just created: {@code secret} is shown to its owner now and never again. */
    public record CreatedToken(long id, String label, String secret) {
        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", label=" + label + "]";
        }
    }

    /** A token as its owner sees it in the list (never the secret). */
    public record TokenView(long id, String label, String prefix, LocalDateTime createdAt, LocalDateTime lastUsedAt,
                            LocalDateTime revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public CreatedToken create(String label) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty()) {
            throw new BusinessRuleException("label", "Donnez un nom au jeton, par exemple le nom du logiciel qui l'utilisera.");
        }
        if (name.length() > 100) {
            throw new BusinessRuleException("label", "Le nom du jeton ne doit pas dépasser 100 caractères.");
        }
        Account me = me();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(me.getId(), name, sha256(secret), secret.substring(0, PREFIX.length() + 6),
                clock.now());
        em.persist(token);
        em.flush();
        audit.record(me.getLogin(), CREATED, null, "jeton " + token.getId() + " « " + name + " »");
        return new CreatedToken(token.getId(), name, secret);
    }

    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public List<TokenView> mine() {
        return em.createQuery("select t from ApiToken t where t.accountId = :a order by t.id desc", ApiToken.class)
                .setParameter("a", me().getId()).getResultList().stream()
                .map(t -> new TokenView(t.getId(), t.getLabel(), t.getTokenPrefix(), t.getCreatedAt(),
                        t.getLastUsedAt(), t.getRevokedAt()))
                .toList();
    }

    /** Revokes one of the caller's tokens; another account's id, existing or not, is refused alike. */
    @RolesAllowed(Role.FOURNISSEUR_ROLE)
    public void revoke(long tokenId) {
        Account me = me();
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || !token.getAccountId().equals(me.getId())) {
            throw new BusinessRuleException("jeton", "Ce jeton n'existe pas.");
        }
        token.revoke(clock.now());
        audit.record(me.getLogin(), REVOKED, null, "jeton " + token.getId());
    }

    /**
     * The enabled supplier account a bearer secret acts for; empty for an unknown, revoked or
     * malformed secret, or an account that is disabled or no longer a supplier.
     */
    @PermitAll
    public Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> token = em.createQuery("select t from ApiToken t where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", sha256(secret)).getResultStream().findFirst().filter(ApiToken::isActive);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Account account = em.find(Account.class, token.get().getAccountId());
        if (account == null || !account.isEnabled() || !account.getRoles().contains(Role.FOURNISSEUR)) {
            return Optional.empty();
        }
        token.get().usedAt(clock.now());
        return Optional.of(account);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Account me() {
        return em.createQuery("select a from Account a where a.login = :l", Account.class)
                .setParameter("l", context.getCallerPrincipal().getName()).getSingleResult();
    }
}
