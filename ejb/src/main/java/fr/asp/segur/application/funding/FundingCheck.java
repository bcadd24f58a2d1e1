package fr.asp.segur.application.funding;

import java.io.Serializable;

/** An automatic check shown on a funding request: what was checked, whether it holds, and why, in French. */
public record FundingCheck(String label, boolean ok, String explanation) implements Serializable {

    static FundingCheck ok(String label, String explanation) {
        return new FundingCheck(label, true, explanation);
    }

    static FundingCheck warning(String label, String explanation) {
        return new FundingCheck(label, false, explanation);
    }

    /** "Conforme" or "À vérifier". */
    public String result() {
        return ok ? "Conforme" : "À vérifier";
    }

    /** "ok" or "warning", for a CSS class. */
    public String level() {
        return ok ? "ok" : "warning";
    }
}
