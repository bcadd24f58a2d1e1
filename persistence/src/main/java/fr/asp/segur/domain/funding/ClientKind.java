package fr.asp.segur.domain.funding;

/** Who a funding call funds, and so which identifier names the client of a funding request. */
public enum ClientKind {
    FINESS("Établissement (FINESS)", "numéro FINESS"),
    RPPS("Professionnel de santé (RPPS)", "numéro RPPS"),
    SIRET("Structure (SIRET)", "numéro SIRET");

    private final String label;
    private final String identifierLabel;

    ClientKind(String label, String identifierLabel) {
        this.label = label;
        this.identifierLabel = identifierLabel;
    }

    public String label() { return label; }

    /** E.g. "numéro FINESS", for messages ("Le numéro FINESS ..."). */
    public String identifierLabel() { return identifierLabel; }
}
