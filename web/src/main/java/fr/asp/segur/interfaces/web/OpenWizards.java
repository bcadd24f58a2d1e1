package fr.asp.segur.interfaces.web;

import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Set;

/**
 * The drafts of the wizards open in one HTTP session (one per tab), so that finishing one wizard releases
 * the session only when no other needs it. A plain serializable set, set again on each change so that a
 * distributed session replicates it.
 */
final class OpenWizards {

    static final String ATTRIBUTE = OpenWizards.class.getName();

    private OpenWizards() {
    }

    static void open(HttpSession session, String draftId) {
        synchronized (session) {
            Set<String> open = current(session);
            if (open.add(draftId)) {
                session.setAttribute(ATTRIBUTE, open);
            }
        }
    }

    /** Forgets one wizard; true when it was the last one open in the session. */
    static boolean close(HttpSession session, String draftId) {
        synchronized (session) {
            Set<String> open = current(session);
            open.remove(draftId);
            session.setAttribute(ATTRIBUTE, open);
            return open.isEmpty();
        }
    }

    private static HashSet<String> current(HttpSession session) {
        @SuppressWarnings("unchecked")
        Set<String> stored = (Set<String>) session.getAttribute(ATTRIBUTE);
        return stored == null ? new HashSet<>() : new HashSet<>(stored);
    }
}
