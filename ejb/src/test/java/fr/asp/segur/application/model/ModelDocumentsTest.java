package fr.asp.segur.application.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelDocumentsTest {

    private final ModelDocuments models = new ModelDocuments();

    @Nested
    class ContratDePrestation {

        @Test
        void is_an_a4_pdf_of_several_pages() throws IOException {
            try (PDDocument pdf = Loader.loadPDF(models.contratDePrestationPdf())) {
                assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
                assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
                assertThat(pdf.getDocumentInformation().getTitle()).contains("contrat de prestation");
                assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
            }
        }

        @Test
        void names_the_parties_the_obligations_and_the_penal_code() throws IOException {
            String text = text(models.contratDePrestationPdf());

            assertThat(text).contains(
                    "Contrat de prestation",
                    "représentant légal",
                    "Tiers déclarant",
                    "SIRET",
                    "Article 1 – Objet",
                    "Article 3 – Durée",
                    "Obligations du Fournisseur",
                    "Obligations du Tiers déclarant",
                    "Pièces justificatives",
                    "extrait Kbis",
                    "441-7",
                    "15 000 euros d'amende",
                    "données à caractère personnel",
                    "mettre en œuvre",
                    "Fait à",
                    "Pour le Fournisseur",
                    "Pour le Tiers déclarant");
        }

        @Test
        void is_a_real_document_with_blanks_to_fill() throws IOException {
            String text = text(models.contratDePrestationPdf());

            assertThat(words(text)).isGreaterThan(1200);
            assertThat(text).contains("……………………");
        }
    }

    @Nested
    class Mandat {

        @Test
        void is_an_a4_pdf() throws IOException {
            try (PDDocument pdf = Loader.loadPDF(models.mandatPdf())) {
                assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
                assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(pdf.getDocumentInformation().getTitle()).contains("mandat");
            }
        }

        @Test
        void is_given_by_the_legal_representative_to_an_employee() throws IOException {
            String text = text(models.mandatPdf());

            assertThat(text).contains(
                    "Mandat",
                    "Je soussigné(e)",
                    "représentant légal",
                    "donne mandat à",
                    "salarié(e) de la société",
                    "SIRET",
                    "Objet du mandat",
                    "Durée et révocation",
                    "Pièces justificatives",
                    "441-7",
                    "Données à caractère personnel",
                    "CNIL",
                    "Fait à",
                    "« Bon pour mandat »",
                    "Le Mandataire");
        }

        @Test
        void is_a_real_document_with_blanks_to_fill() throws IOException {
            String text = text(models.mandatPdf());

            assertThat(words(text)).isGreaterThan(800);
            assertThat(text).contains("……………………");
        }
    }

    @Test
    void every_page_carries_the_portal_header_and_its_number() throws IOException {
        for (byte[] document : List.of(models.contratDePrestationPdf(), models.mandatPdf())) {
            try (PDDocument pdf = Loader.loadPDF(document)) {
                int pages = pdf.getNumberOfPages();
                for (int page = 1; page <= pages; page++) {
                    String text = normalised(pageText(pdf, page));
                    assertThat(text)
                            .contains("Portail SEGUR Numérique – Agence de Services et de Paiement")
                            .contains("Page " + page + " / " + pages);
                }
            }
        }
    }

    @Test
    void neither_markup_nor_comments_nor_replaced_characters_reach_the_pdf() throws IOException {
        for (byte[] document : List.of(models.contratDePrestationPdf(), models.mandatPdf())) {
            String text = text(document);

            assertThat(text).doesNotContain("# ", "//", "[signature]", "Balisage", "- le ", "> «");
            // The templates hold no question mark: one would be a character the font lacks.
            assertThat(text).doesNotContain("?");
        }
    }

    @Test
    void all_text_stays_within_the_margins() throws IOException {
        for (byte[] document : List.of(models.contratDePrestationPdf(), models.mandatPdf())) {
            try (PDDocument pdf = Loader.loadPDF(document)) {
                List<TextPosition> glyphs = glyphs(pdf);
                float pageWidth = PDRectangle.A4.getWidth();

                assertThat(glyphs).isNotEmpty().allSatisfy(glyph -> {
                    assertThat(glyph.getXDirAdj()).isGreaterThanOrEqualTo(55f);
                    assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).isLessThanOrEqualTo(pageWidth - 55f);
                });
            }
        }
    }

    @Test
    void a_signature_block_is_never_split_across_pages() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(models.contratDePrestationPdf())) {
            int pages = pdf.getNumberOfPages();
            String last = normalised(pageText(pdf, pages));
            assertThat(last).contains("Pour le Tiers déclarant", "Signature et cachet du cabinet");
            for (int page = 1; page <= pages; page++) {
                String text = normalised(pageText(pdf, page));
                assertThat(text.contains("Pour le Fournisseur"))
                        .isEqualTo(text.contains("Signature et cachet de la société"));
            }
        }
        try (PDDocument pdf = Loader.loadPDF(models.mandatPdf())) {
            String last = normalised(pageText(pdf, pdf.getNumberOfPages()));
            assertThat(last).contains("Le Mandataire", "« Bon pour acceptation du mandat »");
        }
    }

    @Test
    void each_download_is_a_fresh_copy() {
        byte[] first = models.mandatPdf();
        first[0] = 0;

        assertThat(models.mandatPdf()[0]).isEqualTo((byte) '%');
        assertThat(new ModelDocuments().mandatPdf()).isEqualTo(models.mandatPdf());
    }

    @Test
    void characters_missing_from_the_font_are_replaced_not_fatal() {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        assertThat(TemplatePdfRenderer.drawable("l’œuvre – « à jour » : ç, ô, é, è, €", helvetica))
                .isEqualTo("l’œuvre – « à jour » : ç, ô, é, è, €");
        assertThat(TemplatePdfRenderer.drawable("Article\u202F:\u2009\u2116 5 \u2011 漢", helvetica))
                .isEqualTo("Article\u00A0: n° 5 - ?");
    }

    @Test
    void french_punctuation_keeps_its_no_break_space() {
        assertThat(TemplatePdfRenderer.typographicSpaces("mention « Bon pour mandat » : oui ; non ?"))
                .isEqualTo("mention «\u00A0Bon pour mandat\u00A0»\u00A0: oui\u00A0; non\u00A0?");
    }

    @Test
    void a_long_run_of_dots_is_wrapped_inside_the_page() throws IOException {
        String template = "# Essai\n\nNom : " + "…".repeat(400) + "\n[signature]\n";

        try (PDDocument pdf = Loader.loadPDF(new TemplatePdfRenderer().render("Essai", template))) {
            assertThat(glyphs(pdf)).allSatisfy(glyph ->
                    assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj())
                            .isLessThanOrEqualTo(PDRectangle.A4.getWidth() - 55f));
            assertThat(text(pdf)).contains("Essai", "Nom");
        }
    }

    // ----------------------------------------------------------------- helpers

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return text(document);
        }
    }

    private static String text(PDDocument document) throws IOException {
        return normalised(new PDFTextStripper().getText(document));
    }

    /** Lines are wrapped anywhere, so phrases are searched with single spaces. */
    private static String normalised(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static long words(String text) {
        return List.of(text.split(" ")).stream().filter(w -> w.matches(".*\\p{L}{2,}.*")).count();
    }

    private static List<TextPosition> glyphs(PDDocument document) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (!text.getUnicode().isBlank()) {
                    glyphs.add(text);
                }
                super.processTextPosition(text);
            }
        };
        collector.getText(document);
        return glyphs;
    }
}
