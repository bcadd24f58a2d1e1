package fr.asp.segur.application.account;

/**
 * The outcome of opening a supplier's access: their login, whether the account is new, and the
 * secret of the link to choose a password (null when the account already has one).
 */
public record SupplierAccess(String login, boolean created, String passwordLinkSecret) {

    @Override
    public String toString() {
        return "SupplierAccess[login=" + login + ", created=" + created + "]";
    }
}
