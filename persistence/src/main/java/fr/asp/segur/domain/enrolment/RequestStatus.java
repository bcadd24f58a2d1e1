package fr.asp.segur.domain.enrolment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of an enrolment request. The allowed transitions are defined here and nowhere else:
 * SOUMISE → EN_INSTRUCTION → COMPLEMENTS_DEMANDES ⇄ EN_INSTRUCTION → VALIDEE or REJETEE, and
 * COMPLEMENTS_DEMANDES → CLASSEE_SANS_SUITE when the supplier does not answer in time. A supervisor
 * may reopen a rejected or closed request (back to EN_INSTRUCTION).
 */
public enum RequestStatus {
    SOUMISE("Soumise"),
    EN_INSTRUCTION("En instruction"),
    COMPLEMENTS_DEMANDES("Compléments demandés"),
    VALIDEE("Validée"),
    REJETEE("Rejetée"),
    CLASSEE_SANS_SUITE("Classée sans suite");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<RequestStatus> next() {
        return switch (this) {
            case SOUMISE -> EnumSet.of(EN_INSTRUCTION);
            case EN_INSTRUCTION -> EnumSet.of(COMPLEMENTS_DEMANDES, VALIDEE, REJETEE);
            case COMPLEMENTS_DEMANDES -> EnumSet.of(EN_INSTRUCTION, CLASSEE_SANS_SUITE);
            case REJETEE, CLASSEE_SANS_SUITE -> EnumSet.of(EN_INSTRUCTION);
            case VALIDEE -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    /** Decisions that must be explained to the supplier. */
    public boolean needsMotivation() {
        return this == REJETEE || this == COMPLEMENTS_DEMANDES;
    }

    public boolean isFinal() {
        return this == VALIDEE || this == REJETEE || this == CLASSEE_SANS_SUITE;
    }
}
