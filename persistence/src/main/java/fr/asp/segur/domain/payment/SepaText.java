package fr.asp.segur.domain.payment;

import java.text.Normalizer;

/**
 * Text as the EPC's SEPA rulebooks allow it: the "SEPA Latin character set" (a–z, A–Z, 0–9 and
 * / - ? : ( ) . , ' + and space). Accents are dropped (é → e), ligatures spelt out (œ → oe), any other
 * character becomes a space, spaces are collapsed, and the result is cut to the field's length.
 */
public final class SepaText {

    private SepaText() {
    }

    public static String of(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String spelt = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss").replace("&", "+").replace("’", "'");
        String decomposed = Normalizer.normalize(spelt, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        for (char c : decomposed.toCharArray()) {
            out.append(allowed(c) ? c : ' ');
        }
        String collapsed = out.toString().replaceAll(" {2,}", " ").strip();
        return collapsed.length() <= maxLength ? collapsed : collapsed.substring(0, maxLength).strip();
    }

    static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-?:().,'+ ".indexOf(c) >= 0;
    }
}
