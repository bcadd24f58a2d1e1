package fr.asp.segur.application.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinessFormatTest {

    private static final Charset LATIN_1 = Charset.forName("windows-1252");

    static String structureEt(String finess, String ej, String name, String category, String label, String maj) {
        return "structureet;" + finess + ";" + ej + ";" + name + ";" + name + " LONG;;;12;R;DE LA PAIX;;;056;75;PARIS;"
                + "75011 PARIS;0102030405;;" + category + ";" + label + ";3301;Pharmacies d'Officine;68346179200015;4773Z;"
                + "01;Tarif libre;0;Non concerné;1970-01-10;1970-01-10;" + maj + ";";
    }

    private static List<ReferentialRows.Item> all(ReferentialRows rows) throws IOException {
        List<ReferentialRows.Item> items = new ArrayList<>();
        for (ReferentialRows.Item item = rows.next(); item != null; item = rows.next()) {
            items.add(item);
        }
        return items;
    }

    private static ReferentialRows text(Charset charset, String... lines) throws IOException {
        return FinessFormat.read(new ByteArrayInputStream((String.join("\r\n", lines) + "\r\n").getBytes(charset)));
    }

    private static InputStream sample(String name) {
        return FinessFormat.class.getClassLoader().getResourceAsStream(name);
    }

    @Test
    void readsTheSampleExtractionInLatin1PassingOverTheCommentAndTheCoordinates() throws IOException {
        try (ReferentialRows rows = FinessFormat.read(sample(FinessFormat.SAMPLE))) {
            List<ReferentialRows.Item> items = all(rows);

            assertThat(items).hasSize(23).allMatch(ReferentialRows.Item::isValid);
            assertThat(items.get(0).line()).as("line 1 is the extraction's comment").isEqualTo(2);
            assertThat(items.get(0).row()).containsExactly("750001075", "ET", "750001109", "68346179200015",
                    "PHARMACIE DU MARCHE", "PHARMACIE DU MARCHE PARIS", "620", "Pharmacie d'Officine", "75011", "PARIS",
                    "false", "2026-11-10T00:00");
            assertThat(items).filteredOn(i -> i.row()[6].equals("500")).first()
                    .satisfies(i -> assertThat(i.row()[7]).isEqualTo("Etablissement d'hébergement pour personnes âgées dépendantes"));
            assertThat(items).filteredOn(i -> i.row()[0].startsWith("2A")).isNotEmpty();
            assertThat(rows.consumed()).as("every line, the 23 coordinates lines included").isEqualTo(1 + 23 + 23);
        }
    }

    @Test
    void refusesBadLinesWithTheirNumberAndReasonAndGoesOn() throws IOException {
        try (ReferentialRows rows = text(LATIN_1, "finess;etalab;100;2026-12-01",
                structureEt("750001075", "750001109", "PHARMACIE A", "620", "Pharmacie d'Officine", "2026-11-10"),
                structureEt("75000107", "750001109", "PHARMACIE B", "620", "Pharmacie d'Officine", "2026-11-10"),
                "structureet;750001075;trop;court",
                structureEt("690001177", "", "PHARMACIE C", "620", "Pharmacie d'Officine", "10/11/2026"),
                structureEt("690001177", "", "", "620", "Pharmacie d'Officine", "2026-11-10").replace("; LONG;", ";;"),
                "equipmateriellourd;750001109;X",
                "geolocalisation;750001075;650000.1;6860000.2;1,ATLASANTE;2026-11-30",
                structureEt("2A0002079", "", "PHARMACIE DU PARC", "620", "Pharmacie d'Officine", "2026-11-10"))) {
            List<ReferentialRows.Item> items = all(rows);

            assertThat(items).extracting(ReferentialRows.Item::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 9L);
            assertThat(items.get(1).reason()).isEqualTo("nofinesset « 75000107 » : Le numéro FINESS doit comporter 9 caractères.");
            assertThat(items.get(2).reason()).isEqualTo("4 champs au lieu de 32.");
            assertThat(items.get(2).content()).isEqualTo("structureet;750001075;trop;court");
            assertThat(items.get(3).reason()).isEqualTo("maj « 10/11/2026 » n'est pas une date (AAAA-MM-JJ).");
            assertThat(items.get(4).reason()).isEqualTo("raison sociale (rs) absente.");
            assertThat(items.get(5).reason()).startsWith("section « equipmateriellourd » inconnue");
            assertThat(items.get(6).row()[0]).isEqualTo("2A0002079");
            assertThat(items.get(6).row()[2]).as("no legal entity given").isNull();
        }
    }

    @Test
    void dropsAMalformedSiretButKeepsTheEstablishment() throws IOException {
        try (ReferentialRows rows = text(LATIN_1,
                structureEt("750001075", "750001109", "PHARMACIE A", "620", "Pharmacie d'Officine", "2026-11-10")
                        .replace("68346179200015", "683461792"))) {
            assertThat(rows.next().row()[3]).isNull();
        }
    }

    @Test
    void readsTheJsonFeedLegalEntitiesAndTheirSitesTrimmedWithTheirState() throws IOException {
        try (ReferentialRows rows = FinessFormat.read(sample(FinessFormat.SAMPLE_JSON))) {
            List<ReferentialRows.Item> items = all(rows);

            assertThat(items).hasSize(5).allMatch(ReferentialRows.Item::isValid);
            String[] ej = items.get(0).row();
            assertThat(ej).containsExactly("750001109", "EJ", "750001109", null, "SELARL DU MARCHE", "SELARL DU MARCHE",
                    "85", null, "75011", "PARIS", "false", "2026-11-30T18:00");
            String[] closedSite = items.get(4).row();
            assertThat(closedSite[0]).isEqualTo("690009998");
            assertThat(closedSite[1]).isEqualTo("ET");
            assertThat(closedSite[2]).as("its legal entity").isEqualTo(items.get(3).row()[0]);
            assertThat(closedSite[6]).isEqualTo("611");
            assertThat(closedSite[7]).isEqualTo("Laboratoire de Biologie Médicale");
            assertThat(closedSite[10]).as("etatObjet I").isEqualTo("true");
            assertThat(closedSite[11]).isEqualTo("2025-06-30T00:00");
            assertThat(rows.consumed()).isEqualTo(5);
        }
    }

    @Test
    void toldJsonByItsFirstBytesNotItsName() {
        assertThat(FinessFormat.isJson("  \n{\"pmej\":[]}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(FinessFormat.isJson("\uFEFF{".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(FinessFormat.isJson("finess;etalab;100".getBytes(LATIN_1))).isFalse();
        assertThat(FinessFormat.isJson(new byte[0])).isFalse();
    }

    @Test
    void skipsAnUnusableLegalEntityButKeepsItsSites() throws IOException {
        String json = """
                {"schemaVersion":"v1.0.0","gcc":[{"gccId":"1","pmejDuGcc":[]}],"pmej":[
                 {"informationsGeneralesPMEJ":{"denominationPm":"SANS NUMERO"},"etatObjet":"A","dateDerniereMaj":"2026-01-01 00:00:00",
                  "ege":[{"informationsGeneralesEGE":{"numFinessEge":"750001075","nomEgeCourt":"PHARMACIE  ","siret":"68346179200015"},
                          "categorieentiteGeographiqueExercice":"620","adresse":[{"codePostal":"75011","ligneAcheminement":"PARIS"}],
                          "etatObjet":"A","dateDerniereMaj":"2026-01-02 10:00:00"},
                         {"informationsGeneralesEGE":{"numFinessEge":"750001075"},"etatObjet":"A","dateDerniereMaj":"2026-01-02 10:00:00"}]},
                 {"informationsGeneralesPMEJ":{"numFinessPm":"690001201","denominationPm":"SELARL B"},"etatObjet":"A","dateDerniereMaj":"hier"}
                ],"gco":[]}
                """;
        try (ReferentialRows rows = FinessFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            List<ReferentialRows.Item> items = all(rows);

            assertThat(items).hasSize(4);
            assertThat(items.get(0).reason()).isEqualTo("entité juridique : numFinessPm «  » : Le numéro FINESS est obligatoire.");
            assertThat(items.get(0).line()).isEqualTo(2);
            assertThat(items.get(1).row()).containsExactly("750001075", "ET", null, "68346179200015", "PHARMACIE", null,
                    "620", "Pharmacie d'Officine", "75011", "PARIS", "false", "2026-01-02T10:00");
            assertThat(items.get(2).reason()).isEqualTo("établissement de l'entité juridique : nom (nomEgeCourt) absent.");
            assertThat(items.get(3).reason()).isEqualTo("entité juridique : dateDerniereMaj « hier » n'est pas une date.");
        }
    }

    @Test
    void aFeedThatIsNotAnObjectIsRefusedAsAWhole() {
        assertThatThrownBy(() -> FinessFormat.read(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8))).next())
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void skipResumesAfterTheUnitsAlreadySettled() throws IOException {
        String[] expected;
        long settled;
        try (ReferentialRows rows = FinessFormat.read(sample(FinessFormat.SAMPLE))) {
            for (int i = 0; i < 5; i++) {
                rows.next();
            }
            settled = rows.consumed();
            expected = rows.next().row();
        }
        try (ReferentialRows rows = FinessFormat.read(sample(FinessFormat.SAMPLE))) {
            rows.skip(settled);
            assertThat(rows.next().row()).containsExactly(expected);
        }
        try (ReferentialRows rows = FinessFormat.read(sample(FinessFormat.SAMPLE_JSON))) {
            rows.skip(2);
            assertThat(rows.next().row()[0]).isEqualTo("130001308");
        }
    }
}
