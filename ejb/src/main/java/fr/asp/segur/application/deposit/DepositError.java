package fr.asp.segur.application.deposit;

/**
 * One error of a deposit file, as the simulator, the upload page and the REST API report it.
 *
 * @param path    where in the file, as a JSON path ("$.lignes[3].montantHt")
 * @param line    the line of the file where that value starts (1-based; 0 when the file is not JSON at all)
 * @param column  the column where it starts (1-based; 0 when unknown)
 * @param rule    the schema keyword or the filing rule's field that refused it ("schema:required", "regle:clientIdentifier")
 * @param message the French message, for the supplier
 */
public record DepositError(String path, int line, int column, String rule, String message)
        implements java.io.Serializable {
}
