package fr.asp.segur.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Bulk deposit files (format version 1) for the system tests, line by line, with real PDF order forms. */
final class DepositFiles {

    static final String ORDER_FORM = Base64.getEncoder().encodeToString(Fixtures.pdf());

    private final String header;
    private final List<String> lines = new ArrayList<>();

    private DepositFiles(String header) {
        this.header = header;
    }

    /** A deposit for the given call and enrolment number. */
    static DepositFiles of(String call, String enrolmentNumber) {
        return new DepositFiles("  \"version\": 1,\n  \"appel\": \"" + call + "\",\n  \"enrolement\": \"" + enrolmentNumber + "\",\n");
    }

    /** A deposit with a raw header (its properties, each line ending with ",\n"). */
    static DepositFiles withHeader(String header) {
        return new DepositFiles(header);
    }

    DepositFiles line(String finess, String tranche, String signedOn, String amount) {
        return raw(lineJson(finess, "Cabinet de radiologie " + finess, tranche, signedOn, amount, ORDER_FORM));
    }

    static String lineJson(String finess, String name, String tranche, String signedOn, String amount, String pdfBase64) {
        return "    {\n      \"identifiant\": \"" + finess + "\",\n      \"nom\": \"" + name + "\",\n"
                + (tranche == null ? "" : "      \"tranche\": \"" + tranche + "\",\n")
                + "      \"dateSignatureBonDeCommande\": \"" + signedOn + "\",\n"
                + "      \"montantHt\": " + amount + ",\n"
                + "      \"bonDeCommande\": {\"nomFichier\": \"bon-de-commande.pdf\", \"contenuBase64\": \"" + pdfBase64 + "\"}\n    }";
    }

    DepositFiles raw(String lineJson) {
        lines.add(lineJson);
        return this;
    }

    byte[] bytes() {
        return ("{\n" + header + "  \"lignes\": [\n" + String.join(",\n", lines) + "\n  ]\n}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A FINESS no other run uses (département 75, 7 digits from the clock), unique within a run by {@code n}. */
    static String finess(long run, int n) {
        return "75" + String.format("%07d", (run * 10 + n) % 10_000_000);
    }
}
