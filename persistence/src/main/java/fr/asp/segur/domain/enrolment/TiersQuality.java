package fr.asp.segur.domain.enrolment;

/** "Merci de préciser votre qualité en tant que tiers déclarant": decides which supporting document is due. */
public enum TiersQuality {
    CENTRE_DE_GESTION("Centre de gestion, expert-comptable...", DocumentKind.CONTRAT_PRESTATION),
    EMPLOYE("Employé de la personne morale", DocumentKind.MANDAT_REPRESENTANT);

    private final String label;
    private final DocumentKind requiredDocument;

    TiersQuality(String label, DocumentKind requiredDocument) {
        this.label = label;
        this.requiredDocument = requiredDocument;
    }

    public String label() {
        return label;
    }

    public DocumentKind requiredDocument() {
        return requiredDocument;
    }
}
