package fr.asp.segur.application.deposit;

import jakarta.ejb.ApplicationException;

/**
 * A deposit refused as a whole, with every error found, in the simulator's format. Rolls the
 * deposit's transaction back: none of its lines is stored.
 *
 * @see DepositReport
 */
@ApplicationException(rollback = true)
public class DepositRefusedException extends RuntimeException {

    private final DepositReport report;
    private final boolean malformed;

    public DepositRefusedException(DepositReport report, boolean malformed) {
        super("Deposit refused: " + report.errors().size() + " error(s)");
        this.report = report;
        this.malformed = malformed;
    }

    public DepositReport report() {
        return report;
    }

    /** True when the file itself is not a deposit (not JSON, or against its schema), not a rule refusal. */
    public boolean malformed() {
        return malformed;
    }
}
