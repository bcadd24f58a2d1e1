package fr.asp.segur.domain.enrolment;

/**
 * What the SIRENE referential said about a request's SIRET. A request submitted with a valid SIRET
 * that the referential did not know yet is {@link #NON_VERIFIE} ("SIRET non vérifié"); each SIRENE
 * sync re-checks it until the establishment appears.
 */
public enum SiretVerification {
    /** Found active in the referential when the request was submitted. */
    SIRENE("SIRET vérifié dans le répertoire SIRENE lors du dépôt"),
    /** Absent from the referential at submission and at every sync since. */
    NON_VERIFIE("SIRET non vérifié"),
    /** Absent at submission, found active by a later sync. */
    CONFIRME("SIRET vérifié après le dépôt (établissement actif)"),
    /** Absent at submission, found closed by a later sync. */
    FERME("SIRET vérifié après le dépôt : établissement fermé");

    private final String label;

    SiretVerification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still waiting for a sync to find the establishment. */
    public boolean pending() {
        return this == NON_VERIFIE;
    }
}
