package fr.asp.segur.domain.enrolment;

/**
 * The entered values an agent may ask the supplier to correct in a request for complements, labelled
 * as on the wizard's screens. Each correction goes through the same value objects and rules as the
 * wizard's step, and is written to the request's history (old value, new value, IBAN masked).
 */
public enum CorrectableField {
    IBAN("IBAN"),
    BIC("BIC"),
    DOMICILIATION("Domiciliation"),
    REPRESENTANT_EMAIL("Email du représentant légal"),
    REPRESENTANT_TELEPHONE("Téléphone du représentant légal");

    private final String label;

    CorrectableField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the field belongs to "Coordonnées bancaires". */
    public boolean isBank() {
        return this == IBAN || this == BIC || this == DOMICILIATION;
    }
}
