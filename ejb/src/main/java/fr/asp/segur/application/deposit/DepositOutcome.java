package fr.asp.segur.application.deposit;

import java.io.Serializable;
import java.util.List;

/**
 * A deposit stored: its id, whether this call created it (false when the same file had already been
 * deposited: nothing new was created) and the numbers of its funding requests, in the file's order.
 */
public record DepositOutcome(long depositId, boolean created, String callCode, List<String> requestNumbers)
        implements Serializable {
}
