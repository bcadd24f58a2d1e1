package fr.asp.segur.domain.model;

import java.util.Locale;

/**
 * When a typed dénomination sociale is a change from SIRENE's (a change needs a Kbis, and agents see it):
 * not when it differs only by case or by surrounding spaces ("Kalinka " is KALINKA).
 */
public final class Denominations {

    private Denominations() {
    }

    public static boolean same(String referential, String typed) {
        if (referential == null || typed == null) {
            return referential == null && typed == null;
        }
        return key(referential).equals(key(typed));
    }

    private static String key(String denomination) {
        return denomination.strip().toUpperCase(Locale.FRENCH);
    }
}
