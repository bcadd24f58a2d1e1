package fr.asp.segur.domain.enrolment;

/** The people named in a request: the company's legal representative and, for a tiers déclarant, the dépositaire. */
public enum PersonRole {
    REPRESENTANT("représentant"),
    DEPOSITAIRE("dépositaire");

    private final String label;

    PersonRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
