package fr.asp.segur.domain.funding;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of a funding request, from the avance to the solde. The allowed transitions are
 * defined here and nowhere else:
 * <pre>
 * AVANCE_DEPOSEE → AVANCE_EN_INSTRUCTION → AVANCE_COMPLEMENTS ⇄ AVANCE_EN_INSTRUCTION
 *                → AVANCE_VALIDEE → AVANCE_PAYEE → SOLDE_DEPOSE → SOLDE_EN_INSTRUCTION
 *                → SOLDE_COMPLEMENTS ⇄ SOLDE_EN_INSTRUCTION → SOLDE_VALIDE → SOLDE_PAYE
 * </pre>
 * A deposited avance or solde may be validated or rejected straight away (agents validating many
 * checked requests at once); a rejection is final. Payments are recorded by the payment batch only.
 */
public enum FundingStatus {
    AVANCE_DEPOSEE("Avance déposée", Phase.AVANCE),
    AVANCE_EN_INSTRUCTION("Avance en instruction", Phase.AVANCE),
    AVANCE_COMPLEMENTS("Compléments demandés (avance)", Phase.AVANCE),
    AVANCE_VALIDEE("Avance validée", Phase.AVANCE),
    AVANCE_REJETEE("Avance rejetée", Phase.AVANCE),
    AVANCE_PAYEE("Avance payée", Phase.AVANCE),
    SOLDE_DEPOSE("Solde déposé", Phase.SOLDE),
    SOLDE_EN_INSTRUCTION("Solde en instruction", Phase.SOLDE),
    SOLDE_COMPLEMENTS("Compléments demandés (solde)", Phase.SOLDE),
    SOLDE_VALIDE("Solde validé", Phase.SOLDE),
    SOLDE_REJETE("Solde rejeté", Phase.SOLDE),
    SOLDE_PAYE("Solde payé", Phase.SOLDE);

    /** Which of the two payments the state is about. */
    public enum Phase { AVANCE, SOLDE }

    private final String label;
    private final Phase phase;

    FundingStatus(String label, Phase phase) {
        this.label = label;
        this.phase = phase;
    }

    public String label() { return label; }

    public String getLabel() { return label; }

    public Phase phase() { return phase; }

    public Set<FundingStatus> next() {
        return switch (this) {
            case AVANCE_DEPOSEE -> EnumSet.of(AVANCE_EN_INSTRUCTION, AVANCE_VALIDEE, AVANCE_REJETEE);
            case AVANCE_EN_INSTRUCTION -> EnumSet.of(AVANCE_COMPLEMENTS, AVANCE_VALIDEE, AVANCE_REJETEE);
            case AVANCE_COMPLEMENTS -> EnumSet.of(AVANCE_EN_INSTRUCTION);
            case AVANCE_VALIDEE -> EnumSet.of(AVANCE_PAYEE);
            case AVANCE_PAYEE -> EnumSet.of(SOLDE_DEPOSE);
            case SOLDE_DEPOSE -> EnumSet.of(SOLDE_EN_INSTRUCTION, SOLDE_VALIDE, SOLDE_REJETE);
            case SOLDE_EN_INSTRUCTION -> EnumSet.of(SOLDE_COMPLEMENTS, SOLDE_VALIDE, SOLDE_REJETE);
            case SOLDE_COMPLEMENTS -> EnumSet.of(SOLDE_EN_INSTRUCTION);
            case SOLDE_VALIDE -> EnumSet.of(SOLDE_PAYE);
            case AVANCE_REJETEE, SOLDE_REJETE, SOLDE_PAYE -> EnumSet.noneOf(FundingStatus.class);
        };
    }

    public boolean canMoveTo(FundingStatus target) {
        return next().contains(target);
    }

    /** Decisions that must be explained to the supplier. */
    public boolean needsMotivation() {
        return this == AVANCE_REJETEE || this == SOLDE_REJETE || this == AVANCE_COMPLEMENTS
                || this == SOLDE_COMPLEMENTS;
    }

    /** States an agent instructs (a queue's "to do"). */
    public boolean awaitsAgent() {
        return this == AVANCE_DEPOSEE || this == AVANCE_EN_INSTRUCTION || this == SOLDE_DEPOSE
                || this == SOLDE_EN_INSTRUCTION;
    }

    /** States waiting for the payment batch. */
    public boolean awaitsPayment() {
        return this == AVANCE_VALIDEE || this == SOLDE_VALIDE;
    }

    /**
     * Whether the avance of a request in this state has been accepted: such a request holds its
     * client for good, and another request for the same client and call is refused.
     */
    public boolean avanceAccepted() {
        return this == AVANCE_VALIDEE || this == AVANCE_PAYEE || phase == Phase.SOLDE;
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** What the supplier is expected to do in this state, for their space; null when nothing. */
    public String awaitedFromSupplier() {
        return switch (this) {
            case AVANCE_COMPLEMENTS, SOLDE_COMPLEMENTS -> "Compléments à fournir";
            case AVANCE_PAYEE -> "Demande de solde à déposer";
            default -> null;
        };
    }
}
