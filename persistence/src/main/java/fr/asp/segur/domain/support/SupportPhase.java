package fr.asp.segur.domain.support;

/** The phase of the supplier's journey a support message is about (guide, section 4). */
public enum SupportPhase {
    ENROLEMENT("Enrôlement"),
    DEMANDE_AVANCE("Demande d'avance"),
    DEMANDE_SOLDE("Demande de solde"),
    UTILISATION_PORTAIL("Utilisation du portail"),
    AUTRE("Autre");

    private final String label;

    SupportPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String getLabel() {
        return label;
    }
}
