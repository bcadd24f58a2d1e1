package fr.asp.segur.application.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * The hostile corpus: files an attacker (or a careless supplier) sends, each with the French message the
 * portal must refuse it with. Generated rather than committed: binaries such as a 4 Mo + 1 byte file or a
 * decompression bomb would weigh on the repository, and EICAR files committed as such get quarantined by the
 * antivirus of whoever clones it. Shared with the system tests (ear) through this module's test jar.
 */
public final class HostileCorpus {

    /** The EICAR test string, split so that this source file is not itself an "infected" file. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    /** The project's own test signature (ear/src/test/resources/clamav/segur-test.ndb). */
    public static final String SEGUR_TEST_MARKER = "SEGUR-NUMERIQUE-" + "FICHIER-HOSTILE-DE-TEST-7F3C9A";

    /** The message a file infected with a known signature is refused with. */
    public static final String INFECTED = Antivirus.MSG_INFECTED;
    /** The message an upload gets while clamd cannot be reached. */
    public static final String ANTIVIRUS_UNAVAILABLE = Antivirus.MSG_UNAVAILABLE;

    /**
     * One hostile upload.
     *
     * @param label          what it is, for test names
     * @param fileName       the name the browser sends
     * @param content        the bytes
     * @param message        the French message it must be refused with
     * @param needsAntivirus only clamd can refuse it (the file is otherwise well formed)
     */
    public record HostileFile(String label, String fileName, byte[] content, String message, boolean needsAntivirus) {
        @Override
        public String toString() {
            return label;
        }
    }

    private HostileCorpus() {
    }

    /** Every file of the corpus, built afresh (about 5 Mo in memory in all). */
    public static List<HostileFile> all() {
        List<HostileFile> files = new ArrayList<>();
        // The antivirus.
        files.add(av("EICAR dans un PDF", "kbis.pdf", pdfWithComment(EICAR)));
        files.add(av("EICAR dans un PNG", "piece-identite.png", pngWithText(EICAR)));
        files.add(av("EICAR dans un JPEG", "piece-identite.jpg", jpegWithComment(EICAR)));
        files.add(av("signature de test du projet dans un PDF", "rib.pdf", pdfWithComment(SEGUR_TEST_MARKER)));
        files.add(av("signature de test du projet dans un PNG", "rib.png", pngWithText(SEGUR_TEST_MARKER)));
        // Content that is not what the name says.
        files.add(of("exécutable Linux renommé .pdf", "kbis.pdf", elf(), DocumentInspector.MSG_TYPE_NOT_ACCEPTED));
        files.add(of("exécutable Windows renommé .pdf", "kbis.pdf", windowsExecutable(),
                DocumentInspector.MSG_TYPE_NOT_ACCEPTED));
        files.add(of("GIF renommé .png", "photo.png", image("gif", 40, 40), DocumentInspector.MSG_TYPE_NOT_ACCEPTED));
        files.add(of("page HTML renommée .pdf", "kbis.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                DocumentInspector.MSG_TYPE_NOT_ACCEPTED));
        files.add(of("SVG avec script renommé .png", "logo.png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8), DocumentInspector.MSG_TYPE_NOT_ACCEPTED));
        files.add(of("PNG nommé .pdf", "kbis.pdf", image("png", 40, 40), String.format(Locale.FRANCE,
                DocumentInspector.MSG_CONTENT_DOES_NOT_MATCH_EXTENSION, "image PNG", "pdf")));
        files.add(of("fichier vide", "kbis.pdf", new byte[0], DocumentInspector.MSG_EMPTY));
        files.add(of("4 Mo + 1 octet", "scan.png", paddedPng(DocumentInspector.MAX_SIZE + 1),
                DocumentInspector.MSG_TOO_LARGE));
        // Damaged or locked PDFs.
        byte[] pdf = pdf(doc -> { });
        files.add(of("PDF tronqué", "kbis.pdf", Arrays.copyOf(pdf, pdf.length / 2),
                DocumentInspector.MSG_PDF_UNREADABLE));
        files.add(of("PDF chiffré (mot de passe d'ouverture)", "kbis.pdf", encryptedPdf("secret"),
                DocumentInspector.MSG_PDF_PROTECTED));
        files.add(of("PDF chiffré (mot de passe propriétaire seul)", "kbis.pdf", encryptedPdf(""),
                DocumentInspector.MSG_PDF_PROTECTED));
        // Active PDFs.
        files.add(of("PDF avec /OpenAction JavaScript", "kbis.pdf", pdf(doc -> doc.getDocumentCatalog()
                .setOpenAction(javaScript())), DocumentInspector.MSG_PDF_SCRIPT));
        files.add(of("PDF avec action automatique /AA de page", "kbis.pdf", pdf(doc -> {
            COSDictionary actions = new COSDictionary();
            actions.setItem(COSName.O, javaScript().getCOSObject());
            doc.getPage(0).getCOSObject().setItem(COSName.AA, actions);
        }), DocumentInspector.MSG_PDF_SCRIPT));
        files.add(of("PDF avec JavaScript nommé (/Names /JavaScript)", "kbis.pdf", pdf(doc -> {
            COSArray names = new COSArray();
            names.add(new COSString("init"));
            names.add(javaScript().getCOSObject());
            COSDictionary tree = new COSDictionary();
            tree.setItem(COSName.NAMES, names);
            COSDictionary nameDictionary = new COSDictionary();
            nameDictionary.setItem(COSName.getPDFName("JavaScript"), tree);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, nameDictionary);
        }), DocumentInspector.MSG_PDF_SCRIPT));
        files.add(of("PDF avec lien JavaScript", "kbis.pdf", pdf(doc -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 700, 200, 20));
            link.setAction(javaScript());
            addAnnotation(doc, link);
        }), DocumentInspector.MSG_PDF_SCRIPT));
        files.add(of("PDF avec /Launch", "kbis.pdf", pdf(doc -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.getCOSObject().setString(COSName.F, "C:\\Windows\\System32\\cmd.exe");
            doc.getDocumentCatalog().setOpenAction(launch);
        }), DocumentInspector.MSG_PDF_LAUNCH));
        files.add(of("PDF avec fichier incorporé (/EmbeddedFiles)", "kbis.pdf", pdf(doc -> {
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("payload.exe", fileSpecification(doc)));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        }), DocumentInspector.MSG_PDF_EMBEDDED_FILE));
        files.add(of("PDF avec pièce jointe en annotation", "kbis.pdf", pdf(doc -> {
            PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
            attachment.setRectangle(new PDRectangle(72, 700, 20, 20));
            attachment.setFile(fileSpecification(doc));
            addAnnotation(doc, attachment);
        }), DocumentInspector.MSG_PDF_EMBEDDED_FILE));
        // Images built to exhaust memory.
        files.add(of("PNG bombe de décompression (16000 × 16000)", "scan.png", decompressionBombPng(16_000),
                tooLarge(16_000, 16_000)));
        files.add(of("PNG annonçant 30000 × 30000 pixels", "scan.png", pngWithHeader(30_000, 30_000),
                tooLarge(30_000, 30_000)));
        files.add(of("JPEG annonçant 30000 × 30000 pixels", "scan.jpg", jpegWithHeader(30_000, 30_000),
                tooLarge(30_000, 30_000)));
        byte[] png = image("png", 40, 40);
        files.add(of("PNG tronqué", "scan.png", Arrays.copyOf(png, png.length / 2),
                DocumentInspector.MSG_IMAGE_UNREADABLE));
        // Polyglots.
        files.add(of("polyglotte JPEG/ZIP", "photo.jpg", concat(image("jpg", 40, 40), zip()),
                DocumentInspector.MSG_HIDDEN_ARCHIVE));
        files.add(of("polyglotte PNG/ZIP", "photo.png", concat(png, zip()), DocumentInspector.MSG_HIDDEN_ARCHIVE));
        files.add(of("polyglotte PDF/ZIP", "kbis.pdf", concat(pdf, zip()), DocumentInspector.MSG_HIDDEN_ARCHIVE));
        // Names.
        files.add(of("nom avec ../", "../../../../etc/kbis.pdf", pdf, DocumentInspector.MSG_NAME_PATH));
        files.add(of("nom avec ..\\", "..\\..\\Windows\\kbis.pdf", pdf, DocumentInspector.MSG_NAME_PATH));
        files.add(of("nom avec NUL", "kbis.pdf\u0000.exe", pdf, DocumentInspector.MSG_NAME_CHARACTERS));
        files.add(of("nom de 300 caractères", "a".repeat(296) + ".pdf", pdf,
                String.format(Locale.FRANCE, DocumentInspector.MSG_NAME_TOO_LONG, 300, 255)));
        files.add(of("nom avec inversion droite-gauche (U+202E)", "facture\u202Efdp.exe.pdf", pdf,
                DocumentInspector.MSG_NAME_CHARACTERS));
        return files;
    }

    /** The file of the corpus with this label. */
    public static HostileFile named(String label) {
        return all().stream().filter(f -> f.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No hostile file labelled " + label));
    }

    /** A harmless one-page PDF with a link to a web site: what must still be accepted. */
    public static byte[] ordinaryPdf() {
        return pdf(doc -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 700, 200, 20));
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://www.asp-public.fr/");
            link.setAction(uri);
            addAnnotation(doc, link);
        });
    }

    private static HostileFile av(String label, String name, byte[] content) {
        return new HostileFile(label, name, content, INFECTED, true);
    }

    private static HostileFile of(String label, String name, byte[] content, String message) {
        return new HostileFile(label, name, content, message, false);
    }

    private static String tooLarge(int width, int height) {
        return String.format(Locale.ROOT, DocumentInspector.MSG_IMAGE_TOO_LARGE, width, height,
                DocumentInspector.MAX_IMAGE_SIDE, DocumentInspector.MAX_IMAGE_SIDE,
                DocumentInspector.MAX_IMAGE_PIXELS / 1_000_000);
    }

    /** A change made to a fresh one-page PDF before it is saved. */
    public interface PdfChange {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] pdf(PdfChange change) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 760);
                text.showText("Extrait Kbis");
                text.endText();
            }
            change.apply(document);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PDF whose uncompressed page content carries the text as a comment, byte for byte. */
    private static byte[] pdfWithComment(String comment) {
        return pdf(doc -> {
            try (PDPageContentStream content = new PDPageContentStream(doc, doc.getPage(0),
                    PDPageContentStream.AppendMode.APPEND, false)) {
                content.addComment(comment);
            }
        });
    }

    private static PDActionJavaScript javaScript() {
        return new PDActionJavaScript("app.alert('SEGUR');");
    }

    private static void addAnnotation(PDDocument doc, org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation a)
            throws IOException {
        doc.getPage(0).getAnnotations().add(a);
    }

    private static PDComplexFileSpecification fileSpecification(PDDocument doc) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(windowsExecutable()));
        file.setSubtype("application/octet-stream");
        file.setSize(windowsExecutable().length);
        file.setCreationDate(Calendar.getInstance());
        PDComplexFileSpecification specification = new PDComplexFileSpecification();
        specification.setFile("payload.exe");
        specification.setEmbeddedFile(file);
        return specification;
    }

    private static byte[] encryptedPdf(String userPassword) {
        return pdf(doc -> {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanPrint(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("proprietaire", userPassword, permissions);
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
        });
    }

    public static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0, 0, 145));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A real PNG with a tEXt chunk (keyword "Comment") holding the text as is. */
    private static byte[] pngWithText(String text) {
        byte[] keyword = "Comment\0".getBytes(StandardCharsets.ISO_8859_1);
        return insertPngChunk(image("png", 40, 40), "tEXt", concat(keyword, text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** A real, decodable PNG brought to an exact size with a private ancillary chunk. */
    private static byte[] paddedPng(long totalSize) {
        byte[] png = image("png", 64, 64);
        return insertPngChunk(png, "prVt", new byte[Math.toIntExact(totalSize - png.length - 12)]);
    }

    private static byte[] insertPngChunk(byte[] png, String type, byte[] data) {
        int iend = png.length - 12; // length(4) + "IEND"(4) + CRC(4)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        chunk(new DataOutputStream(out), type, data);
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    /** A real JPEG with a COM segment right after SOI holding the text as is. */
    private static byte[] jpegWithComment(String text) {
        byte[] jpeg = image("jpg", 40, 40);
        byte[] comment = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = comment.length + 2;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (length >> 8), (byte) length}, 0, 4);
        out.write(comment, 0, comment.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A real small JPEG whose frame header (SOF0) is rewritten to announce the size: no more pixels. */
    private static byte[] jpegWithHeader(int width, int height) {
        byte[] jpeg = image("jpg", 40, 40);
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                // marker(2) length(2) precision(1) height(2) width(2)
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("No SOF0 segment in the JPEG written by ImageIO");
    }

    /** A PNG whose header announces the given size, followed by a token data chunk. */
    private static byte[] pngWithHeader(int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        pngStart(out, width, height, 2);
        chunk(out, "IDAT", deflate(new byte[] {0, 1, 2, 3}));
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    /**
     * A real decompression bomb: a side × side grey PNG whose pixel data really inflates to side² bytes
     * (256 Mo for 16000), deflated to a few hundred Ko.
     */
    private static byte[] decompressionBombPng(int side) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[side + 1]; // filter byte 0, then black pixels
        byte[] buffer = new byte[64 * 1024];
        for (int y = 0; y < side; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        pngStart(out, side, side, 0);
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void pngStart(DataOutputStream out, int width, int height, int colourType) {
        try {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(ihdr);
            header.writeInt(width);
            header.writeInt(height);
            header.writeByte(8);
            header.writeByte(colourType);
            header.writeByte(0);
            header.writeByte(0);
            header.writeByte(0);
            chunk(out, "IHDR", ihdr.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] compressed = new byte[data.length + 64];
        int length = deflater.deflate(compressed);
        deflater.end();
        return Arrays.copyOf(compressed, length);
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) {
        try {
            byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            crc.update(data);
            out.writeInt(data.length);
            out.write(typeBytes);
            out.write(data);
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] elf() {
        byte[] elf = new byte[128];
        byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        elf[16] = 2; // ET_EXEC
        elf[18] = 0x3E; // x86-64
        return elf;
    }

    private static byte[] windowsExecutable() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80; // e_lfanew: the PE header follows at 0x80
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    private static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("payload.bat"));
            zip.write("@echo off\r\nformat c:\r\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
