package fr.asp.segur.domain.account;

/** The portal's roles; {@link #name()} in lower case is the role name the server checks. */
public enum Role {
    AGENT,
    SUPERVISEUR,
    ADMINISTRATEUR,
    FOURNISSEUR;

    public static final String AGENT_ROLE = "agent";
    public static final String SUPERVISEUR_ROLE = "superviseur";
    public static final String ADMINISTRATEUR_ROLE = "administrateur";
    public static final String FOURNISSEUR_ROLE = "fournisseur";

    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
