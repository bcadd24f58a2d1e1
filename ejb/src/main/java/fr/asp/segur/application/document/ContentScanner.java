package fr.asp.segur.application.document;

/**
 * A last look at an upload that {@link DocumentInspector} found well formed, before it is accepted: the
 * antivirus. A refusal is a {@link DocumentRejectedException} with a French message for the supplier.
 */
@FunctionalInterface
public interface ContentScanner {

    /** Accepts everything: for the demo without clamd, and for unit tests of the other rules. */
    ContentScanner NONE = content -> { };

    void scan(byte[] content) throws DocumentRejectedException;
}
