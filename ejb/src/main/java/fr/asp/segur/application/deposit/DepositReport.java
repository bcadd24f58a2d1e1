package fr.asp.segur.application.deposit;

import java.io.Serializable;
import java.util.List;

/**
 * What the simulator says of a deposit file: how many lines it has and every error found (schema,
 * file-level and the funding rules'), each at its JSON path and line. No error: the deposit would
 * be accepted as it is, every line filed.
 */
public record DepositReport(String callCode, int lineCount, List<DepositError> errors) implements Serializable {

    public boolean accepted() {
        return errors.isEmpty();
    }
}
