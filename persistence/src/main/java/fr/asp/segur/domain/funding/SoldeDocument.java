package fr.asp.segur.domain.funding;

/**
 * The client-signed document a funding call requires at solde, beside the invoice to the client:
 * the VA (vérification d'aptitude), the MOM (mise en ordre de marche), or nothing more.
 */
public enum SoldeDocument {
    VA("Vérification d'aptitude (VA) signée par le client"),
    MOM("Mise en ordre de marche (MOM) signée par le client"),
    AUCUN("Aucun document en plus de la facture");

    private final String label;

    SoldeDocument(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
