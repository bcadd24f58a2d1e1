package fr.asp.segur.domain.support;

/** The couloirs of the Ségur numérique (ANS referencing), as the contact form offers them. */
public enum Couloir {
    HOPITAL("Hôpital"),
    BIOLOGIE_MEDICALE("Biologie médicale"),
    RADIOLOGIE("Radiologie"),
    MEDECIN_DE_VILLE("Médecin de ville"),
    OFFICINE("Officine"),
    SOCIAL_MEDICO_SOCIAL("Social et médico-social"),
    OPERATEURS_MSSANTE("Opérateurs MSSanté"),
    SERVICE_ACCES_AUX_SOINS("Service d'accès aux soins");

    private final String label;

    Couloir(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String getLabel() {
        return label;
    }
}
