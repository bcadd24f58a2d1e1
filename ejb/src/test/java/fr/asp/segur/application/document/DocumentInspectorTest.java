package fr.asp.segur.application.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DocumentInspectorTest {

    private final DocumentInspector inspector = new DocumentInspector();

    private InspectedDocument inspect(String name, byte[] content) throws DocumentRejectedException {
        return inspector.inspect(name, new ByteArrayInputStream(content));
    }

    private void assertRejected(String name, byte[] content, String expectedMessage) {
        assertThatThrownBy(() -> inspect(name, content))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage(expectedMessage);
    }

    @Nested
    class AcceptedFiles {

        @Test
        void a_one_page_pdf_is_accepted_with_its_fingerprint() throws Exception {
            byte[] pdf = pdf(1);

            InspectedDocument document = inspect("kbis.pdf", pdf);

            assertThat(document.fileName()).isEqualTo("kbis.pdf");
            assertThat(document.mediaType()).isEqualTo("application/pdf");
            assertThat(document.content()).isEqualTo(pdf);
            assertThat(document.size()).isEqualTo(pdf.length);
            assertThat(document.sha256Hex()).isEqualTo(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        }

        @Test
        void a_multi_page_pdf_is_accepted() throws Exception {
            assertThat(inspect("rib.pdf", pdf(3)).mediaType()).isEqualTo("application/pdf");
        }

        @Test
        void a_png_is_accepted() throws Exception {
            InspectedDocument document = inspect("carte-identite.png", image("png", 300, 200));

            assertThat(document.mediaType()).isEqualTo("image/png");
            assertThat(document.fileName()).isEqualTo("carte-identite.png");
        }

        @Test
        void a_jpeg_is_accepted_under_jpg_or_jpeg_in_any_case() throws Exception {
            byte[] jpeg = image("jpeg", 640, 480);

            assertThat(inspect("passeport.jpg", jpeg).mediaType()).isEqualTo("image/jpeg");
            assertThat(inspect("passeport.JPEG", jpeg).mediaType()).isEqualTo("image/jpeg");
            assertThat(inspect("passeport.Jpg", jpeg).fileName()).isEqualTo("passeport.Jpg");
        }

        @Test
        void a_valid_file_of_exactly_4_mo_is_accepted() throws Exception {
            byte[] png = paddedPng(DocumentInspector.MAX_SIZE);
            assertThat(png).hasSize((int) DocumentInspector.MAX_SIZE);

            assertThat(inspect("scan.png", png).size()).isEqualTo(4 * 1024 * 1024);
        }

        @Test
        void a_large_image_within_the_limits_is_accepted() throws Exception {
            // 6000 x 6000 = 36 megapixels: allowed, and decoded without holding the full raster.
            // Grey levels keep the test's own image at 36 MB of heap.
            BufferedImage scan = new BufferedImage(6000, 6000, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = scan.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 6000, 6000);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scan, "png", out);
            byte[] png = out.toByteArray();

            assertThat(inspect("plan.png", png).mediaType()).isEqualTo("image/png");
        }

        @Test
        void two_inspections_of_the_same_file_are_equal() throws Exception {
            byte[] pdf = pdf(1);

            assertThat(inspect("a.pdf", pdf)).isEqualTo(inspect("a.pdf", pdf.clone()))
                    .hasSameHashCodeAs(inspect("a.pdf", pdf));
            assertThat(inspect("a.pdf", pdf).toString()).contains("a.pdf", "application/pdf")
                    .doesNotContain("[B@");
        }
    }

    @Nested
    class Size {

        @Test
        void an_empty_file_is_rejected() {
            assertRejected("kbis.pdf", new byte[0], "Le fichier est vide.");
        }

        @Test
        void one_byte_over_4_mo_is_rejected() throws Exception {
            assertRejected("scan.png", paddedPng(DocumentInspector.MAX_SIZE + 1),
                    "Le fichier dépasse la taille maximum de 4\u00a0Mo (4\u00a0194\u00a0304\u00a0octets).");
        }

        @Test
        void a_huge_upload_is_not_read_beyond_the_limit() {
            CountingEndlessStream endless = new CountingEndlessStream();

            assertThatThrownBy(() -> inspector.inspect("enorme.pdf", endless))
                    .hasMessage("Le fichier dépasse la taille maximum de 4\u00a0Mo (4\u00a0194\u00a0304\u00a0octets).");
            assertThat(endless.bytesRead).isBetween(DocumentInspector.MAX_SIZE, DocumentInspector.MAX_SIZE + 1);
        }

        @Test
        void a_broken_upload_stream_gives_a_message_not_a_stack_trace() {
            InputStream failing = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("connection reset");
                }
            };

            assertThatThrownBy(() -> inspector.inspect("kbis.pdf", failing))
                    .isInstanceOf(DocumentRejectedException.class)
                    .hasMessage("Le fichier n'a pas pu être lu ; merci de renouveler l'envoi.")
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Nested
    class TypeByContent {

        private static final String TYPE_MESSAGE =
                "Type de fichier non accepté : seuls les fichiers .png, .jpg, .jpeg ou .pdf sont autorisés.";

        @Test
        void a_linux_executable_renamed_pdf_is_rejected() {
            byte[] elf = new byte[256];
            byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0};
            System.arraycopy(header, 0, elf, 0, header.length);

            assertRejected("kbis.pdf", elf, TYPE_MESSAGE);
        }

        @Test
        void a_windows_executable_renamed_pdf_is_rejected() {
            byte[] exe = new byte[512];
            exe[0] = 'M';
            exe[1] = 'Z';
            exe[0x3C] = (byte) 0x80;
            System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
            byte[] dosStub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(dosStub, 0, exe, 0x4E, dosStub.length);

            assertRejected("facture.pdf", exe, TYPE_MESSAGE);
        }

        @Test
        void a_text_file_renamed_png_is_rejected() {
            assertRejected("photo.png", "Bonjour, ceci est un simple texte.\n".repeat(20)
                    .getBytes(StandardCharsets.UTF_8), TYPE_MESSAGE);
        }

        @Test
        void an_html_page_renamed_pdf_is_rejected() {
            assertRejected("kbis.pdf", "<html><body><script>alert(1)</script></body></html>"
                    .getBytes(StandardCharsets.UTF_8), TYPE_MESSAGE);
        }

        @Test
        void a_gif_is_rejected_even_named_png() throws Exception {
            assertRejected("logo.png", image("gif", 20, 20), TYPE_MESSAGE);
        }

        @Test
        void a_png_named_pdf_is_rejected_because_content_and_extension_differ() {
            assertThatThrownBy(() -> inspect("kbis.pdf", image("png", 50, 50)))
                    .isInstanceOf(DocumentRejectedException.class)
                    .hasMessageContaining("ne correspond pas à son extension")
                    .hasMessageContaining("image PNG")
                    .hasMessageContaining(".pdf");
        }

        @Test
        void a_pdf_named_jpg_is_rejected_because_content_and_extension_differ() {
            assertThatThrownBy(() -> inspect("photo.jpg", pdf(1)))
                    .hasMessageContaining("ne correspond pas à son extension")
                    .hasMessageContaining("document PDF");
        }

        @Test
        void a_jpeg_named_png_is_rejected_because_content_and_extension_differ() {
            assertThatThrownBy(() -> inspect("photo.png", image("jpeg", 50, 50)))
                    .hasMessageContaining("ne correspond pas à son extension (.png)");
        }

        @Test
        void a_valid_pdf_with_another_extension_or_none_is_rejected() throws Exception {
            byte[] pdf = pdf(1);
            String message = "Le nom du fichier doit se terminer par .png, .jpg, .jpeg ou .pdf.";

            assertRejected("kbis.docx", pdf, message);
            assertRejected("kbis", pdf, message);
            assertRejected(null, pdf, message);
            assertRejected("kbis.pdf.exe", pdf, message);
        }
    }

    @Nested
    class Pdf {

        @Test
        void a_truncated_pdf_is_rejected() throws Exception {
            byte[] pdf = pdf(2);

            assertRejected("kbis.pdf", Arrays.copyOf(pdf, pdf.length / 2),
                    "Le fichier PDF est illisible ou endommagé.");
        }

        @Test
        void a_pdf_header_followed_by_garbage_is_rejected() {
            byte[] fake = ("%PDF-1.7\n" + "n'importe quoi ".repeat(50) + "\n%%EOF\n")
                    .getBytes(StandardCharsets.ISO_8859_1);

            assertRejected("kbis.pdf", fake, "Le fichier PDF est illisible ou endommagé.");
        }

        @Test
        void a_pdf_with_a_user_password_is_rejected() throws Exception {
            assertRejected("rib.pdf", encryptedPdf("secret"),
                    "Le PDF est protégé par un mot de passe ; merci de fournir un fichier non protégé.");
        }

        @Test
        void a_pdf_protected_by_an_owner_password_only_is_rejected() throws Exception {
            assertRejected("rib.pdf", encryptedPdf(""),
                    "Le PDF est protégé par un mot de passe ; merci de fournir un fichier non protégé.");
        }

        @Test
        void a_pdf_without_pages_is_rejected() throws Exception {
            assertRejected("vide.pdf", pdf(0), "Le fichier PDF ne contient aucune page.");
        }
    }

    @Nested
    class Images {

        @Test
        void a_png_announcing_50000_by_50000_pixels_is_rejected_from_its_header() {
            // Only a header and a tiny data chunk: decoding it would fail, so the "too large"
            // verdict proves the dimensions were judged before any pixel was decoded.
            assertRejected("scan.png", pngWithHeader(50_000, 50_000),
                    "L'image est trop grande (50000 × 50000 pixels). La limite est de "
                            + "10000 × 10000 pixels et de 40 millions de pixels au total.");
        }

        @Test
        void an_image_too_wide_or_with_too_many_pixels_is_rejected() {
            assertThatThrownBy(() -> inspect("scan.png", pngWithHeader(10_001, 10)))
                    .hasMessageStartingWith("L'image est trop grande (10001 × 10 pixels)");
            // 8000 x 6000 = 48 megapixels, each side within the limit.
            assertThatThrownBy(() -> inspect("scan.png", pngWithHeader(8000, 6000)))
                    .hasMessageStartingWith("L'image est trop grande (8000 × 6000 pixels)");
        }

        @Test
        void a_truncated_png_is_rejected() throws Exception {
            byte[] png = image("png", 400, 400);

            assertRejected("photo.png", Arrays.copyOf(png, png.length / 2),
                    "L'image est illisible ou endommagée.");
        }

        @Test
        void a_jpeg_signature_followed_by_garbage_is_rejected() {
            byte[] fake = new byte[2000];
            Arrays.fill(fake, (byte) 0x42);
            fake[0] = (byte) 0xFF;
            fake[1] = (byte) 0xD8;
            fake[2] = (byte) 0xFF;
            fake[3] = (byte) 0xE0;

            assertRejected("photo.jpg", fake, "L'image est illisible ou endommagée.");
        }

        @Test
        void a_png_with_a_corrupted_data_chunk_is_rejected() throws Exception {
            byte[] png = image("png", 200, 200);
            int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
            for (int i = idat + 10; i < idat + 60; i++) {
                png[i] = (byte) 0x5A;
            }

            assertRejected("photo.png", png, "L'image est illisible ou endommagée.");
        }
    }

    @Nested
    class FileName {

        @Test
        void a_client_directory_is_dropped_from_the_name() throws Exception {
            assertThat(inspect("/home/dupont/Documents/passwd.pdf", pdf(1)).fileName()).isEqualTo("passwd.pdf");
        }

        @Test
        void a_path_climbing_out_of_a_directory_is_refused() throws Exception {
            assertRejected("../../etc/passwd.pdf", pdf(1), DocumentInspector.MSG_NAME_PATH);
            assertRejected("kbis/..\\..\\rib.pdf", pdf(1), DocumentInspector.MSG_NAME_PATH);
        }

        @Test
        void two_dots_inside_a_name_are_not_a_path() throws Exception {
            assertThat(inspect("kbis..2024.pdf", pdf(1)).fileName()).isEqualTo("kbis..2024.pdf");
        }

        @Test
        void control_characters_and_direction_overrides_in_a_sent_name_are_refused() throws Exception {
            assertRejected("kbis\u0000.pdf", pdf(1), DocumentInspector.MSG_NAME_CHARACTERS);
            assertRejected("kbis\r\n.pdf", pdf(1), DocumentInspector.MSG_NAME_CHARACTERS);
            assertRejected("photo\u202Egpj.pdf", pdf(1), DocumentInspector.MSG_NAME_CHARACTERS);
            assertRejected("photo\u2067gpj.pdf", pdf(1), DocumentInspector.MSG_NAME_CHARACTERS);
        }

        @Test
        void a_name_longer_than_255_characters_is_refused() throws Exception {
            assertRejected("a".repeat(252) + ".pdf", pdf(1),
                    String.format(java.util.Locale.FRANCE, DocumentInspector.MSG_NAME_TOO_LONG, 256, 255));
        }

        @Test
        void a_windows_client_path_is_dropped() {
            assertThat(DocumentInspector.sanitizeFileName("C:\\Users\\Dupont\\Documents\\kbis.pdf"))
                    .isEqualTo("kbis.pdf");
        }

        @Test
        void control_and_invisible_characters_are_removed() {
            assertThat(DocumentInspector.sanitizeFileName("kb\u0000is\r\n\t.pdf")).isEqualTo("kbis.pdf");
            // A right-to-left override would display "photo\u202Egpj.pdf" as "photofdp.jpg".
            assertThat(DocumentInspector.sanitizeFileName("photo\u202Egpj.pdf")).isEqualTo("photogpj.pdf");
        }

        @Test
        void characters_forbidden_by_windows_are_replaced_and_spaces_collapsed() {
            assertThat(DocumentInspector.sanitizeFileName("  RIB: Société <Dupont>?   2024 .pdf  "))
                    .isEqualTo("RIB_ Société _Dupont__ 2024.pdf");
        }

        @Test
        void accents_are_kept_in_composed_form() {
            String decomposed = "Pie\u0300ce d'identite\u0301.png";

            assertThat(DocumentInspector.sanitizeFileName(decomposed)).isEqualTo("Pièce d'identité.png");
        }

        @Test
        void a_long_name_is_cut_to_150_characters_keeping_its_extension() throws Exception {
            String name = "attestation-".repeat(20) + ".pdf";

            String fileName = inspect(name, pdf(1)).fileName();

            assertThat(fileName).hasSize(150).endsWith("t.pdf").startsWith("attestation-");
        }

        @Test
        void a_long_name_is_never_cut_inside_a_surrogate_pair() {
            String name = "a".repeat(145) + "\uD83D\uDE00\uD83D\uDE00.png";

            String sanitized = DocumentInspector.sanitizeFileName(name);

            assertThat(sanitized.codePointCount(0, sanitized.length())).isEqualTo(150);
            assertThat(sanitized).endsWith("a\uD83D\uDE00.png");
        }

        @Test
        void hidden_or_dot_only_names_get_a_neutral_base_name() {
            assertThat(DocumentInspector.sanitizeFileName(".pdf")).isEqualTo("document.pdf");
            assertThat(DocumentInspector.sanitizeFileName("...kbis.pdf")).isEqualTo("kbis.pdf");
            assertThat(DocumentInspector.sanitizeFileName("kbis.pdf...")).isEqualTo("kbis.pdf");
            assertThat(DocumentInspector.sanitizeFileName("..")).isEqualTo("document");
            assertThat(DocumentInspector.sanitizeFileName("")).isEqualTo("document");
        }
    }

    // ----------------------------------------------------------------- test files

    private static byte[] pdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(font, 14);
                    text.newLineAtOffset(72, 760);
                    text.showText("Extrait Kbis - page " + i);
                    text.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encryptedPdf(String userPassword) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            AccessPermission permissions = new AccessPermission();
            permissions.setCanPrint(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("proprietaire", userPassword, permissions);
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0, 0, 145));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IllegalStateException("No writer for " + format);
        }
        return out.toByteArray();
    }

    /** A real, decodable PNG brought to an exact size with a private ancillary chunk. */
    private static byte[] paddedPng(long totalSize) throws IOException {
        byte[] png = image("png", 64, 64);
        int iend = png.length - 12; // length(4) + "IEND"(4) + CRC(4)
        int padding = Math.toIntExact(totalSize - png.length - 12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        // "prVt": ancillary, private, safe to copy; decoders skip it.
        writeChunk(new DataOutputStream(out), "prVt", new byte[padding]);
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    /** A PNG whose header announces the given size, followed by a token 1-pixel data chunk. */
    private static byte[] pngWithHeader(int width, int height) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(ihdr);
            header.writeInt(width);
            header.writeInt(height);
            header.writeByte(8); // bit depth
            header.writeByte(2); // colour type: RGB
            header.writeByte(0); // compression
            header.writeByte(0); // filter
            header.writeByte(0); // interlace
            writeChunk(out, "IHDR", ihdr.toByteArray());
            Deflater deflater = new Deflater();
            deflater.setInput(new byte[] {0, 1, 2, 3});
            deflater.finish();
            byte[] compressed = new byte[64];
            int length = deflater.deflate(compressed);
            writeChunk(out, "IDAT", Arrays.copyOf(compressed, length));
            writeChunk(out, "IEND", new byte[0]);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeChunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    /** Endless zeros after a PDF signature, counting what the inspector pulls. */
    private static final class CountingEndlessStream extends InputStream {
        private static final byte[] SIGNATURE = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        long bytesRead;

        @Override
        public int read() {
            int value = bytesRead < SIGNATURE.length ? SIGNATURE[(int) bytesRead] : 0;
            bytesRead++;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) read();
            }
            return length;
        }
    }
}
