package fr.asp.segur.application.deposit;

import java.util.List;

/**
 * A deposit file once read: its header (the call, the enrolment by number or by software referencing
 * number + SIRET), its lines, the SHA-256 of its canonical content (what makes a second post of the
 * same file a no-op) and the schema errors found. Lines with a schema error are not in {@code lines}.
 */
public record DepositDocument(String callCode, String enrolmentNumber, String referencingNumber, String siret,
                              List<DepositLine> lines, int lineCount, String contentHash, List<DepositError> errors,
                              PositionIndex positions) {

    public boolean readable() {
        return positions != null;
    }
}
