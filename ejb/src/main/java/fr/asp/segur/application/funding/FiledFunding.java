package fr.asp.segur.application.funding;

import java.io.Serializable;

/**
 * A funding request just filed: its id and number, its state's label, and the number of the
 * undecided request it conflicts with (same client and call), or null.
 */
public record FiledFunding(Long id, String requestNumber, String statusLabel, String conflictWith)
        implements Serializable {

    public boolean inConflict() { return conflictWith != null; }
}
