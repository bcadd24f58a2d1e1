package fr.asp.segur.interfaces.rest;

/** The secret of an "Authorization: Bearer …" header; null for anything else (the EJB refuses it). */
final class Bearer {

    private Bearer() {
    }

    static String secret(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
