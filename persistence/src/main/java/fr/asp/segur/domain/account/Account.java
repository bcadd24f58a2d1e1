package fr.asp.segur.domain.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Someone who logs in. The server (Elytron's JDBC realm) checks the password hash and refuses a
 * disabled or locked account; this entity keeps the rules that decide when an account locks.
 */
@Entity
@Table(name = "app_account")
public class Account {

    /** Failed logins in a row that lock the account. */
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String login;
    private String email;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    private boolean enabled;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Convert(converter = RoleConverter.class)
    private Set<Role> roles = new HashSet<>();

    /** For a supplier: the companies (SIRET) whose requests this account may see. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_company", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "siret")
    private Set<String> companies = new HashSet<>();

    protected Account() {
    }

    public Account(String login, String email, String displayName, Set<Role> roles, LocalDateTime now) {
        this.login = normalise(login);
        this.email = email;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? new HashSet<>() : new HashSet<>(EnumSet.copyOf(roles));
        this.enabled = true;
        this.createdAt = now;
    }

    /** Logins are e-mail-like identifiers, compared without case. */
    public static String normalise(String login) {
        return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    /** A wrong password: after {@value #MAX_FAILED_LOGINS} in a row the account locks for a while. */
    public void recordFailedLogin(LocalDateTime now) {
        if (isLocked(now)) {
            return;
        }
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedLogins = 0;
        }
    }

    public void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public boolean isLocked(LocalDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** "Ouverture des accès": the supplier role and the company; true if it was not granted yet. */
    public boolean grantCompany(String siret) {
        roles.add(Role.FOURNISSEUR);
        return companies.add(siret);
    }

    public Set<String> getCompanies() { return Collections.unmodifiableSet(companies); }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public void disable() {
        this.enabled = false;
    }

    public Long getId() { return id; }
    public String getLogin() { return login; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public boolean hasPassword() { return passwordHash != null; }
    /** The stored hash, for checking a current password before changing it; never shown or logged. */
    public String passwordHash() { return passwordHash; }
    public boolean isEnabled() { return enabled; }
    public int getFailedLogins() { return failedLogins; }
    public LocalDateTime getLockedUntil() { return lockedUntil; }
    public Set<Role> getRoles() { return Collections.unmodifiableSet(roles); }

    /** Stores a role as the lower-case name the server checks. */
    @Converter
    public static class RoleConverter implements AttributeConverter<Role, String> {
        @Override
        public String convertToDatabaseColumn(Role role) {
            return role == null ? null : role.roleName();
        }

        @Override
        public Role convertToEntityAttribute(String value) {
            return value == null ? null : Role.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
