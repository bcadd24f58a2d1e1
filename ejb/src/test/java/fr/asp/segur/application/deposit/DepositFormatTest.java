package fr.asp.segur.application.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DepositFormatTest {

    private static final String PDF = "JVBERi0xLjQK";

    private static String line(String id, String date, String amount) {
        return "    {\n      \"identifiant\": \"" + id + "\",\n      \"nom\": \"Cabinet de radiologie\",\n"
                + "      \"tranche\": \"1 à 2 modalités\",\n      \"dateSignatureBonDeCommande\": \"" + date + "\",\n"
                + "      \"montantHt\": " + amount + ",\n"
                + "      \"bonDeCommande\": { \"nomFichier\": \"bc.pdf\", \"contenuBase64\": \"" + PDF + "\" }\n    }";
    }

    private static byte[] file(String header, String... lines) {
        return ("{\n  \"version\": 1,\n  \"appel\": \"AF-RAD-RIS-VA1\",\n" + header + "  \"lignes\": [\n"
                + String.join(",\n", lines) + "\n  ]\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_well_formed_file_gives_its_lines_and_no_error() {
        DepositDocument read = DepositFormat.read(file("  \"enrolement\": \"ENR00010Z\",\n",
                line("750000001", "2026-11-02", "4500.00"), line("750000002", "2026-11-03", "4200")));
        assertThat(read.errors()).isEmpty();
        assertThat(read.callCode()).isEqualTo("AF-RAD-RIS-VA1");
        assertThat(read.enrolmentNumber()).isEqualTo("ENR00010Z");
        assertThat(read.lines()).extracting(DepositLine::orderAmountHt).containsExactly("4500.00", "4200");
        assertThat(read.lines().get(1).orderSignedOn()).isEqualTo("2026-11-03");
        assertThat(read.contentHash()).hasSize(64);
    }

    @Test
    void each_schema_error_is_placed_at_its_json_path_and_line() {
        DepositDocument read = DepositFormat.read(file("  \"enrolement\": \"ENR00010Z\",\n",
                line("750000001", "2026-11-02", "4500.00"), line("750000002", "02/11/2026", "-3")));
        assertThat(read.errors()).extracting(DepositError::path)
                .contains("$.lignes[1].dateSignatureBonDeCommande", "$.lignes[1].montantHt");
        DepositError amount = read.errors().stream().filter(e -> e.path().equals("$.lignes[1].montantHt"))
                .findFirst().orElseThrow();
        // Line 1 "{", 2 version, 3 appel, 4 enrolement, 5 "lignes": [, 6-13 first line, 14 "{", ..., 19 montantHt
        assertThat(amount.line()).isEqualTo(19);
        assertThat(amount.message()).startsWith("« $.lignes[1].montantHt » :");
        assertThat(read.lines()).extracting(DepositLine::index).containsExactly(0);
    }

    @Test
    void a_missing_property_and_an_unknown_one_are_named() {
        DepositDocument read = DepositFormat.read(file("  \"enrolement\": \"ENR00010Z\",\n  \"couleur\": \"bleu\",\n",
                line("750000001", "2026-11-02", "4500.00").replace("\"nom\": \"Cabinet de radiologie\",", "")));
        assertThat(read.errors()).extracting(DepositError::message).contains(
                "Le document : la propriété « couleur » n'est pas prévue par le format.",
                "« $.lignes[0] » : la propriété obligatoire « nom » est absente.");
    }

    @Test
    void neither_or_both_enrolment_references_are_refused() {
        DepositDocument neither = DepositFormat.read(file("", line("750000001", "2026-11-02", "4500.00")));
        assertThat(neither.errors()).extracting(DepositError::rule).contains("schema:oneOf");
        // The call itself is fine: the lines are still judged against it (the enrolment rule then refuses them).
        assertThat(neither.callCode()).isEqualTo("AF-RAD-RIS-VA1");
    }

    @Test
    void a_file_that_is_not_json_is_refused_with_its_line() {
        DepositDocument read = DepositFormat.read("{\n  \"version\": 1,\n  \"appel\": \n}".getBytes(StandardCharsets.UTF_8));
        assertThat(read.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).startsWith("Le fichier n'est pas un document JSON valide (ligne 4");
        });
    }

    @Test
    void the_same_content_reindented_or_reordered_has_the_same_hash() {
        byte[] a = file("  \"enrolement\": \"ENR00010Z\",\n", line("750000001", "2026-11-02", "4500.00"));
        String b = new String(a, StandardCharsets.UTF_8).replace("\n", "").replace("4500.00", "4500.0")
                .replace("\"version\": 1,  \"appel\": \"AF-RAD-RIS-VA1\",", "\"appel\": \"AF-RAD-RIS-VA1\", \"version\": 1,");
        assertThat(DepositFormat.read(b.getBytes(StandardCharsets.UTF_8)).contentHash())
                .isEqualTo(DepositFormat.read(a).contentHash());
        assertThat(DepositFormat.read(file("  \"enrolement\": \"ENR00010Z\",\n",
                line("750000001", "2026-11-02", "4500.01"))).contentHash()).isNotEqualTo(DepositFormat.read(a).contentHash());
    }
}
