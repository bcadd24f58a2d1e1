package fr.asp.segur.application.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RppsFormatTest {

    /** The sample's header: the ANS extraction's columns, in its order, with its trailing '|'. */
    static String header() throws IOException {
        try (InputStream in = sample()) {
            String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            return text.substring(0, text.indexOf('\n'));
        }
    }

    /** An activity line under {@link #header()}. */
    static String line(String type, String id, String last, String first, String postal, String city, String cedex)
            throws IOException {
        List<String> names = Arrays.asList(header().split("\\|", -1));
        String[] v = new String[names.size()];
        Arrays.fill(v, "");
        v[names.indexOf(RppsFormat.TYPE)] = type;
        v[names.indexOf(RppsFormat.ID)] = id;
        v[names.indexOf("Identification nationale PP")] = type + id;
        v[names.indexOf(RppsFormat.LAST_NAME)] = last;
        v[names.indexOf(RppsFormat.FIRST_NAME)] = first;
        v[names.indexOf(RppsFormat.PROFESSION_CODE)] = "10";
        v[names.indexOf(RppsFormat.PROFESSION)] = "Médecin";
        v[names.indexOf(RppsFormat.SPECIALTY)] = "Médecine générale";
        v[names.indexOf(RppsFormat.POSTAL_CODE)] = postal;
        v[names.indexOf(RppsFormat.CITY)] = city;
        v[names.indexOf(RppsFormat.CEDEX)] = cedex;
        return String.join("|", v);
    }

    private static InputStream sample() {
        return RppsFormat.class.getClassLoader().getResourceAsStream(RppsFormat.SAMPLE);
    }

    private static ReferentialRows file(String... lines) throws IOException {
        return RppsFormat.read(new ByteArrayInputStream((header() + "\n" + String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ReferentialRows.Item> all(ReferentialRows rows) throws IOException {
        List<ReferentialRows.Item> items = new ArrayList<>();
        for (ReferentialRows.Item item = rows.next(); item != null; item = rows.next()) {
            items.add(item);
        }
        return items;
    }

    @Test
    void keepsOneRowPerProfessionalAndPassesOverAdeliLines() throws IOException {
        try (ReferentialRows rows = RppsFormat.read(sample())) {
            List<ReferentialRows.Item> items = all(rows);

            assertThat(items).hasSize(38).allMatch(ReferentialRows.Item::isValid);
            assertThat(items).extracting(i -> i.row()[0]).doesNotHaveDuplicates().allMatch(id -> id.length() == 11);
            assertThat(items.get(0).row()).containsExactly("10003100111", "LEMAIRE", "CLAIRE", "10", "Médecin",
                    "Médecine générale", "75011", "Paris 11e", null);
            assertThat(items.get(1).row()[1]).isEqualTo("FONTAINE");
            assertThat(items.get(1).row()[6]).as("the first activity's address").isEqualTo("69003");
            assertThat(items.get(2).line()).as("FONTAINE's two lines are lines 3 and 4").isEqualTo(5);
            assertThat(rows.consumed()).as("the lines after the header, the ADELI one included").isEqualTo(45);
        }
    }

    @Test
    void refusesBadLinesWithTheirNumberKeepingOnlyTheirIdentifiers() throws IOException {
        try (ReferentialRows rows = file(
                line("8", "10003100111", "LEMAIRE", "CLAIRE", "75011", "Paris 11e", ""),
                line("8", "1000310011", "DUPONT", "JEAN", "75011", "Paris 11e", ""),
                "8|10003100483|810003100483|DR|Docteur",
                line("8", "10003100483", "", "HUGO", "69003", "Lyon 3e", ""),
                line("0", "759124159", "PREVOST", "AGATHE", "75011", "Paris 11e", ""),
                line("8", "10003100855", "CHEVALIER", "ANNE", "75015", "", "75015 PARIS"))) {
            List<ReferentialRows.Item> items = all(rows);

            assertThat(items).extracting(ReferentialRows.Item::line).containsExactly(2L, 3L, 4L, 5L, 7L);
            assertThat(items.get(1).reason()).isEqualTo("Identifiant PP « 1000310011 » : Le numéro RPPS doit comporter 11 chiffres.");
            assertThat(items.get(1).content()).isEqualTo("8|1000310011|81000310011|…").doesNotContain("DUPONT");
            assertThat(items.get(2).reason()).isEqualTo("5 colonnes au lieu de 57.");
            assertThat(items.get(3).reason()).isEqualTo("nom d'exercice absent.");
            assertThat(items.get(4).row()[7]).as("the city of the Bureau cedex line").isEqualTo("PARIS");
        }
    }

    @Test
    void anActivityWithAnAddressIsPreferredToAFirstOneWithout() throws IOException {
        try (ReferentialRows rows = file(
                line("8", "10003100483", "FONTAINE", "HUGO", "", "", ""),
                line("8", "10003100483", "FONTAINE", "HUGO", "69003", "Lyon 3e", ""),
                line("8", "10003100855", "CHEVALIER", "ANNE", "13001", "Marseille 1er", ""))) {
            ReferentialRows.Item first = rows.next();
            assertThat(first.row()[6]).isEqualTo("69003");
            assertThat(rows.consumed()).as("the next professional's line, read ahead, is not settled").isEqualTo(2);
            assertThat(rows.next().row()[0]).isEqualTo("10003100855");
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRefusedAsAWhole() {
        assertThatThrownBy(() -> RppsFormat.read(new ByteArrayInputStream(
                "Identification nationale PP|Code profession|\n810003100111|10|\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("Fichier RPPS : colonne « Type d'identifiant PP » absente de l'en-tête.");
    }

    @Test
    void skipResumesAtTheNextProfessional() throws IOException {
        long settled;
        String expected;
        try (ReferentialRows rows = RppsFormat.read(sample())) {
            for (int i = 0; i < 7; i++) {
                rows.next();
            }
            settled = rows.consumed();
            expected = rows.next().row()[0];
        }
        try (ReferentialRows rows = RppsFormat.read(sample())) {
            rows.skip(settled);
            assertThat(rows.next().row()[0]).isEqualTo(expected);
        }
    }
}
