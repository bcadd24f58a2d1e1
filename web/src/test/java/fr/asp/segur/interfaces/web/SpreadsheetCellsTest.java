package fr.asp.segur.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"https://pirate.example\";\"Cliquez\")", "+33 1 00", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"})
    void aCellThatASpreadsheetWouldEvaluateBecomesText(String typed) {
        assertEquals("'" + typed, SpreadsheetCells.neutralise(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"KALINKA", "ENR0011M0", "81120705900015", "04/12/2026 10:00", "Société = Cie", " =1+1", "'=déjà"})
    void anyOtherCellIsUnchanged(String typed) {
        assertEquals(typed, SpreadsheetCells.neutralise(typed));
    }

    @Test
    void emptyAndMissingCellsStaySo() {
        assertEquals("", SpreadsheetCells.neutralise(""));
        assertNull(SpreadsheetCells.neutralise(null));
    }
}
