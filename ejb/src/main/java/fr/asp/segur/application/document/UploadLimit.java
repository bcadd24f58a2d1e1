package fr.asp.segur.application.document;

/**
 * The size limit of a supporting document, once: the document service's check, the hint beside each upload
 * field, the refusal message and the browser's pre-check all come from here. "4 Mo" alone is ambiguous (a
 * French reader may take it for 4,000,000 bytes): the exact figure is said the way French users read it.
 */
public final class UploadLimit {

    /** 4 Mio: 4 × 1024 × 1024 bytes. */
    public static final long BYTES = 4L * 1024 * 1024;

    /** "4 Mo (4 194 304 octets)", with no-break spaces so that a line never breaks inside the figure. */
    public static final String LABEL = "4\u00a0Mo (" + grouped(BYTES) + "\u00a0octets)";

    public static final String TOO_LARGE = "Le fichier dépasse la taille maximum de " + LABEL + ".";

    private UploadLimit() {
    }

    /** A number with French digit grouping: 4194304 → "4 194 304" (no-break spaces). */
    static String grouped(long value) {
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('\u00a0');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
