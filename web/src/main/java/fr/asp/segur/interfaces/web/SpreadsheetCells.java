package fr.asp.segur.interfaces.web;

/**
 * Text written into the CSV and XLSX exports. Suppliers type the dénomination and names; a cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would run as a formula in the agent's
 * spreadsheet (formula injection, e.g. {@code =HYPERLINK(...)} or a DDE call). Such a cell gets a leading
 * apostrophe, which spreadsheets show as text and do not evaluate (OWASP's advice); every other cell is unchanged.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
