package fr.asp.segur.application.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Lays out a text template as an A4 PDF with a running header and page numbers.
 *
 * <p>The markup is deliberately tiny, so that the wording of a model document can be
 * reviewed and changed by someone who does not read Java:
 * <ul>
 *   <li>{@code # } title, {@code ## } subtitle;</li>
 *   <li>{@code - } list item, {@code > } quotation;</li>
 *   <li>{@code [signature]} an empty frame to sign in;</li>
 *   <li>{@code //} a comment, not printed;</li>
 *   <li>a blank line ends a paragraph; every other line of a paragraph starts on a new
 *       printed line (so that addresses and signature blocks keep their shape) and is
 *       wrapped to the page width.</li>
 * </ul>
 *
 * <p>Paragraphs are kept on one page when they fit on one, and a heading is never left
 * alone at the bottom of a page: a signature block cut in two would be unusable.
 *
 * <p>Uses only the Standard 14 Helvetica fonts, which every PDF reader has, so nothing is
 * embedded. Their WinAnsi encoding covers French, but not every character an editor may
 * type: {@link #drawable} replaces the others before drawing.
 */
final class TemplatePdfRenderer {

    static final String HEADER = "Portail SEGUR Numérique – Agence de Services et de Paiement";
    static final String AUTHOR = "Agence de Services et de Paiement";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN_X = 62f;
    private static final float CONTENT_TOP = PAGE.getHeight() - 78f;
    private static final float CONTENT_BOTTOM = 62f;
    private static final float CONTENT_WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
    private static final float PARAGRAPH_GAP = 7f;
    private static final float HEADING_GAP = 9f;
    private static final float SIGNATURE_WIDTH = 230f;
    private static final float SIGNATURE_HEIGHT = 72f;
    private static final float GREY = 0.35f;
    private static final int KEEP_TOGETHER_LINES = 8;

    /**
     * Replacements for characters outside WinAnsiEncoding, the ones French text is likely
     * to contain. Anything else that cannot be encoded becomes "?", which a proofreader
     * will spot, instead of making the whole document fail.
     */
    private static final Map<Character, String> REPLACEMENTS = Map.ofEntries(
            Map.entry('\u202F', "\u00A0"), // narrow no-break space, typed by French keyboards before ; : ! ?
            Map.entry('\u2009', " "),      // thin space
            Map.entry('\u2007', "\u00A0"), // figure space
            Map.entry('\u2010', "-"),      // hyphen
            Map.entry('\u2011', "-"),      // non-breaking hyphen
            Map.entry('\u2012', "-"),      // figure dash
            Map.entry('\u2013', "-"),      // en dash
            Map.entry('\u2014', "-"),      // em dash
            Map.entry('\u2018', "'"),
            Map.entry('\u2019', "'"),      // typographic apostrophe
            Map.entry('\u201C', "\""),
            Map.entry('\u201D', "\""),
            Map.entry('\u2026', "..."),
            Map.entry('\u0153', "oe"),
            Map.entry('\u0152', "OE"),
            Map.entry('\u2116', "n°"),
            Map.entry('\u2022', "-"));

    private enum Kind { TITLE, SUBTITLE, TEXT, ITEM, QUOTE, SIGNATURE }

    private record Element(Kind kind, String text) {
    }

    /** One printed line, or the signature frame, already placed horizontally. */
    private record Line(PDFont font, float size, float height, float x, String text,
                        float wordSpacing, String bullet, float bulletX, boolean frame) {
    }

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont oblique = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

    /**
     * @param documentTitle shown in the footer and in the PDF properties
     * @param template      the template text, markup included
     */
    byte[] render(String documentTitle, String template) {
        return render(documentTitle, "Modèle de document – Portail SEGUR Numérique", template);
    }

    /**
     * @param documentTitle shown in the footer and in the PDF properties
     * @param subject       the PDF's "subject" property
     * @param template      the template text, markup included
     */
    byte[] render(String documentTitle, String subject, String template) {
        List<List<Line>> blocks = layout(parse(template));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            describe(document, documentTitle, subject);
            new Pages(document).print(blocks);
            numberPages(document, documentTitle);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // Only in-memory streams and built-in fonts are involved: this is a bug, not a
            // condition the caller could handle.
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- parsing

    /** Paragraphs, each a list of elements; a heading paragraph is merged with the next. */
    private static List<List<Element>> parse(String template) {
        List<List<Element>> paragraphs = new ArrayList<>();
        List<Element> current = new ArrayList<>();
        for (String rawLine : template.split("\\R", -1)) {
            String line = rawLine.stripTrailing();
            if (line.startsWith("//")) {
                continue;
            }
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(toElement(line));
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }

        List<List<Element>> blocks = new ArrayList<>();
        List<Element> pendingHeadings = new ArrayList<>();
        for (List<Element> paragraph : paragraphs) {
            pendingHeadings.addAll(paragraph);
            boolean onlyHeadings = paragraph.stream()
                    .allMatch(e -> e.kind() == Kind.TITLE || e.kind() == Kind.SUBTITLE);
            if (!onlyHeadings) {
                blocks.add(pendingHeadings);
                pendingHeadings = new ArrayList<>();
            }
        }
        if (!pendingHeadings.isEmpty()) {
            blocks.add(pendingHeadings);
        }
        return blocks;
    }

    private static Element toElement(String line) {
        if (line.startsWith("# ")) {
            return new Element(Kind.TITLE, line.substring(2).strip());
        }
        if (line.startsWith("## ")) {
            return new Element(Kind.SUBTITLE, line.substring(3).strip());
        }
        if (line.startsWith("- ")) {
            return new Element(Kind.ITEM, line.substring(2).strip());
        }
        if (line.startsWith("> ")) {
            return new Element(Kind.QUOTE, line.substring(2).strip());
        }
        if (line.strip().equals("[signature]")) {
            return new Element(Kind.SIGNATURE, "");
        }
        return new Element(Kind.TEXT, line.strip());
    }

    // ---------------------------------------------------------------- layout

    private List<List<Line>> layout(List<List<Element>> blocks) {
        List<List<Line>> laidOut = new ArrayList<>();
        for (List<Element> block : blocks) {
            boolean opensDocument = block.stream().anyMatch(e -> e.kind() == Kind.TITLE);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < block.size(); i++) {
                Element element = block.get(i);
                boolean headingAfterText = i > 0 && element.kind() == Kind.SUBTITLE
                        && block.get(i - 1).kind() != Kind.TITLE && block.get(i - 1).kind() != Kind.SUBTITLE;
                if (headingAfterText) {
                    lines.add(spacer(HEADING_GAP));
                }
                lines.addAll(layout(element, opensDocument));
                if (element.kind() == Kind.TITLE || element.kind() == Kind.SUBTITLE) {
                    boolean lastHeading = i + 1 < block.size()
                            && block.get(i + 1).kind() != Kind.TITLE && block.get(i + 1).kind() != Kind.SUBTITLE;
                    if (lastHeading) {
                        lines.add(spacer(opensDocument ? 2 * PARAGRAPH_GAP : 3f));
                    }
                }
            }
            laidOut.add(lines);
        }
        return laidOut;
    }

    private List<Line> layout(Element element, boolean centred) {
        return switch (element.kind()) {
            case TITLE -> wrap(element.text(), bold, 18f, 24f, 0f, 0f, true, false);
            case SUBTITLE -> centred
                    ? wrap(element.text(), bold, 11.5f, 15f, 0f, 0f, true, false)
                    : wrap(element.text(), bold, 11f, 15f, 0f, 0f, false, false);
            case TEXT -> wrap(element.text(), regular, 10f, 13.6f, 0f, 0f, false, true);
            case QUOTE -> wrap(element.text(), oblique, 9.5f, 12.8f, 22f, 22f, false, true);
            case ITEM -> withBullet(wrap(element.text(), regular, 10f, 13.6f, 16f, 0f, false, true));
            case SIGNATURE -> List.of(new Line(regular, 0f, SIGNATURE_HEIGHT + 6f, MARGIN_X, "",
                    0f, null, 0f, true));
        };
    }

    private static Line spacer(float height) {
        return new Line(null, 0f, height, MARGIN_X, "", 0f, null, 0f, false);
    }

    private static List<Line> withBullet(List<Line> lines) {
        List<Line> result = new ArrayList<>(lines);
        Line first = result.get(0);
        result.set(0, new Line(first.font(), first.size(), first.height(), first.x(), first.text(),
                first.wordSpacing(), "\u2022", MARGIN_X + 5f, false));
        return result;
    }

    /**
     * Greedy word wrapping; words longer than a line (a long run of dots to fill in) are
     * cut. Wrapped lines are justified, except the last one of a paragraph.
     */
    private List<Line> wrap(String text, PDFont font, float size, float leading,
                            float indentLeft, float indentRight, boolean centred, boolean justified) {
        String printable = drawable(typographicSpaces(text), font);
        float maxWidth = CONTENT_WIDTH - indentLeft - indentRight;
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : printable.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = row.isEmpty() ? word : row + " " + word;
            if (width(candidate, font, size) <= maxWidth) {
                row.setLength(0);
                row.append(candidate);
                continue;
            }
            if (!row.isEmpty()) {
                rows.add(row.toString());
                row.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > maxWidth) {
                int cut = longestFittingPrefix(rest, font, size, maxWidth);
                rows.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            row.append(rest);
        }
        if (!row.isEmpty() || rows.isEmpty()) {
            rows.add(row.toString());
        }

        List<Line> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String content = rows.get(i);
            float lineWidth = width(content, font, size);
            float x = MARGIN_X + indentLeft;
            float wordSpacing = 0f;
            if (centred) {
                x = MARGIN_X + (CONTENT_WIDTH - lineWidth) / 2;
            } else if (justified && i < rows.size() - 1 && content.indexOf('\u2026') < 0) {
                // Lines holding blanks to fill in stay ragged: stretched, their dotted
                // runs and gaps would look alike.
                long gaps = content.chars().filter(c -> c == ' ').count();
                float spacing = gaps == 0 ? 0f : (maxWidth - lineWidth) / gaps;
                // Beyond this the line looks broken (a line holding a long run of dots):
                // leave it ragged.
                if (spacing < size * 0.8f) {
                    wordSpacing = spacing;
                }
            }
            lines.add(new Line(font, size, leading, x, content, wordSpacing, null, 0f, false));
        }
        return lines;
    }

    private static int longestFittingPrefix(String word, PDFont font, float size, float maxWidth) {
        int cut = 1;
        while (cut < word.length() && width(word.substring(0, cut + 1), font, size) <= maxWidth) {
            cut++;
        }
        return cut;
    }

    /**
     * French puts a space before ; : ! ? and » and after «: a no-break one, so that the
     * sign never starts a line on its own.
     */
    static String typographicSpaces(String text) {
        return text.replaceAll(" ([;:!?»])", "\u00A0$1").replace("« ", "«\u00A0");
    }

    /** Replaces what the font's encoding cannot show. */
    static String drawable(String text, PDFont font) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String character = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                result.append(' ');
            } else if (canEncode(font, character)) {
                result.append(character);
            } else {
                String replacement = cp <= Character.MAX_VALUE ? REPLACEMENTS.get((char) cp) : null;
                result.append(replacement != null && canEncode(font, replacement) ? replacement : "?");
            }
        }
        return result.toString();
    }

    private static boolean canEncode(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- output

    /** Page by page printing with a moving cursor. */
    private final class Pages {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument document) {
            this.document = document;
        }

        void print(List<List<Line>> blocks) throws IOException {
            newPage();
            try {
                for (int b = 0; b < blocks.size(); b++) {
                    List<Line> block = blocks.get(b);
                    float height = height(block, block.size());
                    float pageHeight = CONTENT_TOP - CONTENT_BOTTOM;
                    boolean atTop = y == CONTENT_TOP;
                    if (!atTop && y - height < CONTENT_BOTTOM) {
                        // Short blocks and signature blocks move whole to the next page;
                        // longer ones may be split, as long as the heading and the first
                        // lines of its text stay together.
                        boolean keepWhole = height <= pageHeight
                                && (block.size() <= KEEP_TOGETHER_LINES || block.stream().anyMatch(Line::frame));
                        float needed = keepWhole ? height : height(block, Math.min(block.size(), leadingLines(block)));
                        if (y - needed < CONTENT_BOTTOM) {
                            newPage();
                        }
                    }
                    for (Line line : block) {
                        if (y - line.height() < CONTENT_BOTTOM) {
                            newPage();
                        }
                        draw(line);
                        y -= line.height();
                    }
                    if (b < blocks.size() - 1 && y != CONTENT_TOP) {
                        y -= PARAGRAPH_GAP;
                    }
                }
            } finally {
                stream.close();
            }
        }

        /** The headings at the top of a block, and the three lines after them. */
        private int leadingLines(List<Line> block) {
            int headings = 0;
            while (headings < block.size() && block.get(headings).font() == bold
                    || headings < block.size() && block.get(headings).font() == null) {
                headings++;
            }
            return headings + 3;
        }

        private float height(List<Line> lines, int count) {
            float total = 0f;
            for (int i = 0; i < count; i++) {
                total += lines.get(i).height();
            }
            return total;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            drawHeader();
            y = CONTENT_TOP;
        }

        private void drawHeader() throws IOException {
            float baseline = PAGE.getHeight() - 40f;
            stream.setNonStrokingColor(GREY, GREY, GREY);
            text(regular, 8.5f, MARGIN_X, baseline, drawable(HEADER, regular), 0f);
            stream.setStrokingColor(0.6f, 0.6f, 0.6f);
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN_X, baseline - 6f);
            stream.lineTo(PAGE.getWidth() - MARGIN_X, baseline - 6f);
            stream.stroke();
            stream.setNonStrokingColor(0f, 0f, 0f);
        }

        private void draw(Line line) throws IOException {
            if (line.frame()) {
                stream.setStrokingColor(0.55f, 0.55f, 0.55f);
                stream.setLineWidth(0.6f);
                stream.addRect(line.x(), y - SIGNATURE_HEIGHT - 2f, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
                stream.stroke();
                return;
            }
            if (line.font() == null || line.text().isEmpty() && line.bullet() == null) {
                return;
            }
            // The cursor is the top of the line; the baseline sits a font size below it.
            float baseline = y - line.size();
            if (line.bullet() != null) {
                text(line.font(), line.size(), line.bulletX(), baseline, line.bullet(), 0f);
            }
            text(line.font(), line.size(), line.x(), baseline, line.text(), line.wordSpacing());
        }

        private void text(PDFont font, float size, float x, float baseline, String text, float wordSpacing)
                throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            if (wordSpacing != 0f) {
                stream.setWordSpacing(wordSpacing);
            }
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            if (wordSpacing != 0f) {
                stream.setWordSpacing(0f);
            }
            stream.endText();
        }
    }

    private void numberPages(PDDocument document, String documentTitle) throws IOException {
        int count = document.getNumberOfPages();
        String footerTitle = drawable(documentTitle, regular);
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(
                    document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float baseline = 34f;
                stream.setNonStrokingColor(GREY, GREY, GREY);
                stream.beginText();
                stream.setFont(regular, 8.5f);
                stream.newLineAtOffset(MARGIN_X, baseline);
                stream.showText(footerTitle);
                stream.endText();
                String number = "Page " + (i + 1) + " / " + count;
                stream.beginText();
                stream.setFont(regular, 8.5f);
                stream.newLineAtOffset(PAGE.getWidth() - MARGIN_X - width(number, regular, 8.5f), baseline);
                stream.showText(number);
                stream.endText();
            }
        }
    }

    private static void describe(PDDocument document, String documentTitle, String subject) {
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(documentTitle);
        information.setAuthor(AUTHOR);
        information.setSubject(subject);
        information.setCreator("Portail SEGUR Numérique");
        // Lets screen readers pick a French voice, and viewers show the title, not the file name.
        document.getDocumentCatalog().setLanguage("fr-FR");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }
}
