package fr.asp.segur.domain.enrolment;

/** The supporting documents of an enrolment request, labelled as on the wizard's screens. */
public enum DocumentKind {
    CERTIFICAT_REFERENCEMENT("Certificat de référencement"),
    KBIS("kbis"),
    MANDAT_EDITEUR("Mandat de l'éditeur pour le distributeur"),
    PIECE_IDENTITE_REPRESENTANT("CNI, passeport ou titre de séjour du représentant"),
    PIECE_IDENTITE_DEPOSITAIRE("CNI, passeport ou titre de séjour du dépositaire"),
    CONTRAT_PRESTATION("Contrat de prestation"),
    MANDAT_REPRESENTANT("Mandat du représentant légal"),
    RIB("RIB"),
    BON_DE_COMMANDE("Bon de commande signé"),
    FACTURE("Facture adressée au client"),
    VERIFICATION_APTITUDE("Vérification d'aptitude (VA) signée par le client"),
    MISE_EN_ORDRE_DE_MARCHE("Mise en ordre de marche (MOM) signée par le client");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
