package fr.asp.segur.domain.model;

import java.util.regex.Pattern;

/** Normalisation helpers shared by the value objects' factories. */
final class Inputs {

    /*
     * Copy-pasted identifiers often carry non-breaking or narrow no-break spaces (French
     * typography puts them in "479 928 822"), which \s alone does not match.
     */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private Inputs() {
    }

    /** @return {@code raw} without any kind of space, or {@code null} when {@code raw} is null */
    static String withoutSpaces(String raw) {
        return raw == null ? null : SPACES.matcher(raw).replaceAll("");
    }

    static boolean isBlank(String value) {
        return value == null || withoutSpaces(value).isEmpty();
    }
}
