package fr.asp.segur.application.deposit;

/**
 * One line of a deposit, as read from the file: one client installation. Values are kept as written
 * (the amount as its decimal text), so that the filing rules judge them and say what is wrong.
 *
 * @param index          position in {@code lignes} (0-based)
 * @param orderSignedOn  the signature date as written in the file (AAAA-MM-JJ)
 */
public record DepositLine(int index, String clientIdentifier, String clientName, String ceilingTranche,
                          String orderSignedOn, String orderAmountHt, String orderFileName, String orderPdfBase64) {

    public String path() {
        return "$.lignes[" + index + "]";
    }

    @Override
    public String toString() {
        return "DepositLine[" + index + "]";
    }
}
