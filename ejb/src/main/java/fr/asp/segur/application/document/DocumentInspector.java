package fr.asp.segur.application.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Judges an uploaded pièce justificative (Kbis, identity document, RIB, mandate, service
 * contract…) by what it contains, not by what it is called.
 *
 * <p>The portal only promises agents PDF, PNG and JPEG files of at most 4 Mo (the limit
 * the supplier guide prints under every upload field). A name proves nothing: an
 * executable renamed {@code kbis.pdf} must be refused, and so must a PDF that an agent
 * could not open anyway (damaged, password-protected) or an image crafted to exhaust the
 * server's memory when decoded. Each refusal carries a French message for the supplier.
 *
 * <p>Plain Java, stateless and thread-safe: one instance can serve every request.
 */
public class DocumentInspector {

    /** The limit announced to suppliers next to each upload field (see {@link UploadLimit}). */
    public static final long MAX_SIZE = UploadLimit.BYTES;

    /** Largest accepted width or height of an image, in pixels. */
    public static final int MAX_IMAGE_SIDE = 10_000;

    /** Largest accepted image area: a scan at 600 dpi of an A3 page stays well below. */
    public static final long MAX_IMAGE_PIXELS = 40_000_000L;

    /** Longest stored file name, extension included (in Unicode code points). */
    public static final int MAX_FILE_NAME_LENGTH = 150;

    /**
     * Longest name accepted at all: what file systems allow. Between this and {@link #MAX_FILE_NAME_LENGTH} a
     * name is shortened; beyond, no desktop could have produced it and it is refused.
     */
    public static final int MAX_SENT_FILE_NAME_LENGTH = 255;

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    public static final String MSG_READ_FAILED =
            "Le fichier n'a pas pu être lu ; merci de renouveler l'envoi.";
    public static final String MSG_TOO_LARGE = UploadLimit.TOO_LARGE;
    public static final String MSG_EMPTY = "Le fichier est vide.";
    public static final String MSG_TYPE_NOT_ACCEPTED =
            "Type de fichier non accepté : seuls les fichiers .png, .jpg, .jpeg ou .pdf sont autorisés.";
    public static final String MSG_EXTENSION_NOT_ACCEPTED =
            "Le nom du fichier doit se terminer par .png, .jpg, .jpeg ou .pdf.";
    public static final String MSG_CONTENT_DOES_NOT_MATCH_EXTENSION =
            "Le contenu du fichier (%s) ne correspond pas à son extension (.%s) ; "
                    + "merci de vérifier le fichier ou de le renommer.";
    public static final String MSG_PDF_PROTECTED =
            "Le PDF est protégé par un mot de passe ; merci de fournir un fichier non protégé.";
    public static final String MSG_PDF_UNREADABLE = "Le fichier PDF est illisible ou endommagé.";
    public static final String MSG_PDF_NO_PAGE = "Le fichier PDF ne contient aucune page.";
    public static final String MSG_IMAGE_TOO_LARGE =
            "L'image est trop grande (%d × %d pixels). La limite est de %d × %d pixels "
                    + "et de %d millions de pixels au total.";
    public static final String MSG_IMAGE_UNREADABLE = "L'image est illisible ou endommagée.";
    public static final String MSG_PDF_SCRIPT =
            "Le PDF contient du JavaScript ou des actions automatiques, refusés pour la sécurité des agents ; "
                    + "merci de fournir un PDF sans script (par exemple en l'imprimant en PDF).";
    public static final String MSG_PDF_LAUNCH =
            "Le PDF contient une commande de lancement d'application, refusée pour la sécurité des agents ; "
                    + "merci de fournir un PDF simple (par exemple en l'imprimant en PDF).";
    public static final String MSG_PDF_EMBEDDED_FILE =
            "Le PDF contient des fichiers joints, refusés pour la sécurité des agents ; "
                    + "merci de fournir un PDF sans pièce jointe (par exemple en l'imprimant en PDF).";

    public static final String MSG_NAME_PATH =
            "Le nom du fichier ne doit pas contenir de chemin (« ../ ») ; merci de renommer le fichier.";
    public static final String MSG_NAME_CHARACTERS =
            "Le nom du fichier contient des caractères de contrôle ou d'inversion du sens de l'écriture, "
                    + "non autorisés ; merci de renommer le fichier.";
    public static final String MSG_NAME_TOO_LONG =
            "Le nom du fichier est trop long (%d caractères, %d au plus) ; merci de le raccourcir.";
    public static final String MSG_HIDDEN_ARCHIVE =
            "Le fichier contient une archive ZIP cachée en plus de son contenu ; "
                    + "merci de fournir un fichier simple, par exemple en l'enregistrant à nouveau.";

    /*
     * Bidirectional controls: with U+202E (right-to-left override) before "gpj.exe", "photo" + it reads "photoexe.jpg".
     * Isolates and marks are refused too: a file name has no use for them.
     */
    private static final String BIDI_CONTROLS = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E"
            + "\u2066\u2067\u2068\u2069";

    /** Accepted extensions (lower case) and the only media type each may contain. */
    private static final Map<String, String> TYPE_BY_EXTENSION = Map.of(
            "pdf", PDF,
            "png", PNG,
            "jpg", JPEG,
            "jpeg", JPEG);

    private static final List<MediaType> ACCEPTED_TYPES = List.of(
            MediaType.parse(PDF), MediaType.parse(PNG), MediaType.parse(JPEG));

    private static final Map<String, String> LABEL_BY_TYPE = Map.of(
            PDF, "document PDF",
            PNG, "image PNG",
            JPEG, "image JPEG");

    /*
     * Acrobat only requires "%%EOF" somewhere in the last 1024 bytes; we hold uploads to
     * the same rule because PDFBox's lenient parser can rebuild a truncated file well
     * enough to count its pages, and an agent would then open a PDF cut in the middle.
     */
    private static final byte[] PDF_EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int PDF_EOF_WINDOW = 1024;

    /*
     * Decoding a 40-megapixel image at full resolution needs about 160 MB of heap per
     * request. Sub-sampling still runs the decoder over every compressed byte (so damage
     * is still found) but only keeps a raster of about this many pixels.
     */
    private static final long DECODE_PIXEL_BUDGET = 4_000_000L;

    /*
     * Tika's own MIME database, magic bytes only: the bare MimeTypes detector, rather than
     * the service-loaded default one, so the verdict cannot change when other Tika modules
     * land on the class path, and so that no file name ever reaches it.
     */
    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();

    private final ContentScanner scanner;

    /** An inspector without antivirus: for the unit tests of the other rules only. */
    DocumentInspector() {
        this(ContentScanner.NONE);
    }

    /**
     * @param scanner the antivirus, asked last, once the file is known to be a well-formed PDF, PNG or JPEG
     *                (so that each malformed file gets the message that says what is wrong with it)
     */
    public DocumentInspector(ContentScanner scanner) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
    }

    /**
     * Reads and checks one upload.
     *
     * @param originalFileName the name sent by the browser (may hold a path, control
     *                         characters, or be {@code null})
     * @param content          the upload; at most {@link #MAX_SIZE} + 1 bytes are read,
     *                         and the stream is left open for the caller to close
     * @return the accepted document with a sanitised name
     * @throws DocumentRejectedException with a French message for the supplier
     */
    public InspectedDocument inspect(String originalFileName, InputStream content)
            throws DocumentRejectedException {
        Objects.requireNonNull(content, "content");
        byte[] bytes = readBounded(content);
        if (bytes.length == 0) {
            throw new DocumentRejectedException(MSG_EMPTY);
        }

        checkSentName(originalFileName);
        String mediaType = detectAcceptedType(bytes);

        String fileName = sanitizeFileName(originalFileName);
        String extension = extensionOf(fileName).toLowerCase(Locale.ROOT);
        String expectedType = TYPE_BY_EXTENSION.get(extension);
        if (expectedType == null) {
            throw new DocumentRejectedException(MSG_EXTENSION_NOT_ACCEPTED);
        }
        if (!expectedType.equals(mediaType)) {
            throw new DocumentRejectedException(String.format(Locale.FRANCE,
                    MSG_CONTENT_DOES_NOT_MATCH_EXTENSION, LABEL_BY_TYPE.get(mediaType), extension));
        }

        if (PDF.equals(mediaType)) {
            checkPdf(bytes);
        } else {
            checkImage(bytes, mediaType);
        }
        if (endsWithZipArchive(bytes)) {
            throw new DocumentRejectedException(MSG_HIDDEN_ARCHIVE);
        }
        scanner.scan(bytes);
        return new InspectedDocument(fileName, mediaType, bytes, sha256Hex(bytes));
    }

    /**
     * A name that only an attacker sends is refused rather than cleaned: a path climbing out of a directory,
     * control characters (NUL cuts the name short in C code), bidirectional overrides, or a length no file
     * system allows. A client path such as {@code C:\Users\Dupont\kbis.pdf}, which old browsers send, is
     * only shortened by {@link #sanitizeFileName}.
     */
    private static void checkSentName(String originalFileName) throws DocumentRejectedException {
        if (originalFileName == null) {
            return;
        }
        for (String segment : originalFileName.split("[/\\\\]", -1)) {
            if (segment.strip().equals("..")) {
                throw new DocumentRejectedException(MSG_NAME_PATH);
            }
        }
        boolean hostile = originalFileName.codePoints()
                .anyMatch(cp -> Character.isISOControl(cp) || BIDI_CONTROLS.indexOf(cp) >= 0);
        if (hostile) {
            throw new DocumentRejectedException(MSG_NAME_CHARACTERS);
        }
        int length = originalFileName.codePointCount(0, originalFileName.length());
        if (length > MAX_SENT_FILE_NAME_LENGTH) {
            throw new DocumentRejectedException(String.format(Locale.FRANCE, MSG_NAME_TOO_LONG, length,
                    MAX_SENT_FILE_NAME_LENGTH));
        }
    }

    /*
     * A JPEG/ZIP polyglot is a valid image followed by an archive: viewers show the image, unzip tools open
     * the archive. A ZIP is read from its end: its "end of central directory" record (PK 5 6) sits in the last
     * 22 + 65535 bytes and its comment length reaches exactly the end of the file. Requiring that exact fit
     * keeps random compressed bytes from matching by chance.
     */
    static boolean endsWithZipArchive(byte[] bytes) {
        int from = Math.max(0, bytes.length - 22 - 0xFFFF);
        for (int i = bytes.length - 22; i >= from; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
                int commentLength = (bytes[i + 20] & 0xFF) | (bytes[i + 21] & 0xFF) << 8;
                if (i + 22 + commentLength == bytes.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] readBounded(InputStream content) throws DocumentRejectedException {
        byte[] bytes;
        try {
            // One byte past the limit is enough to know the file is too big; reading
            // further would let a client make the server buffer an unbounded upload.
            bytes = content.readNBytes(Math.toIntExact(MAX_SIZE + 1));
        } catch (IOException e) {
            throw new DocumentRejectedException(MSG_READ_FAILED, e);
        }
        if (bytes.length > MAX_SIZE) {
            throw new DocumentRejectedException(MSG_TOO_LARGE);
        }
        return bytes;
    }

    private static String detectAcceptedType(byte[] bytes) throws DocumentRejectedException {
        MediaType detected;
        try {
            detected = MIME_TYPES.detect(new ByteArrayInputStream(bytes), new Metadata());
        } catch (IOException e) {
            // Cannot happen on an in-memory stream; treat it as an unknown type anyway.
            throw new DocumentRejectedException(MSG_TYPE_NOT_ACCEPTED, e);
        }
        MediaTypeRegistry registry = MIME_TYPES.getMediaTypeRegistry();
        MediaType base = detected.getBaseType();
        for (MediaType accepted : ACCEPTED_TYPES) {
            // Sub-types (e.g. a PDF flavour Tika may name one day) are still that format
            // for the decoders below, so they are judged as their parent type.
            if (base.equals(accepted) || registry.isSpecializationOf(base, accepted)) {
                return accepted.toString();
            }
        }
        throw new DocumentRejectedException(MSG_TYPE_NOT_ACCEPTED);
    }

    private static void checkPdf(byte[] bytes) throws DocumentRejectedException {
        if (!endsWithEofMarker(bytes)) {
            throw new DocumentRejectedException(MSG_PDF_UNREADABLE);
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            // A PDF with only an owner password opens without a prompt but may forbid
            // printing or copying; agents must be able to do both with a pièce justificative.
            if (document.isEncrypted()) {
                throw new DocumentRejectedException(MSG_PDF_PROTECTED);
            }
            if (document.getNumberOfPages() < 1) {
                throw new DocumentRejectedException(MSG_PDF_NO_PAGE);
            }
            ActivePdfContent.check(document);
            // The page count is read from one dictionary entry; walking the page tree
            // proves every page object can actually be reached.
            for (PDPage page : document.getPages()) {
                if (page.getMediaBox() == null) {
                    throw new DocumentRejectedException(MSG_PDF_UNREADABLE);
                }
            }
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException(MSG_PDF_PROTECTED, e);
        } catch (IOException | RuntimeException e) {
            // PDFBox reports some malformed structures with unchecked exceptions.
            throw new DocumentRejectedException(MSG_PDF_UNREADABLE, e);
        }
    }

    private static boolean endsWithEofMarker(byte[] bytes) {
        int from = Math.max(0, bytes.length - PDF_EOF_WINDOW);
        outer:
        for (int i = bytes.length - PDF_EOF_MARKER.length; i >= from; i--) {
            for (int j = 0; j < PDF_EOF_MARKER.length; j++) {
                if (bytes[i + j] != PDF_EOF_MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void checkImage(byte[] bytes, String mediaType) throws DocumentRejectedException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader available for " + mediaType);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            // A memory cache rather than ImageIO.createImageInputStream: no temporary file
            // per upload, and no dependence on the global ImageIO cache setting.
            reader.setInput(input, true, true);
            // The header is read before any pixel: a few hundred bytes can announce an
            // image whose decoding would need gigabytes (a "decompression bomb").
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new DocumentRejectedException(MSG_IMAGE_UNREADABLE);
            }
            if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE
                    || (long) width * height > MAX_IMAGE_PIXELS) {
                throw new DocumentRejectedException(String.format(Locale.ROOT, MSG_IMAGE_TOO_LARGE,
                        width, height, MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS / 1_000_000));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsamplingStep(width, height);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new DocumentRejectedException(MSG_IMAGE_UNREADABLE);
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO signals some corrupt streams with unchecked exceptions
            // (e.g. ArrayIndexOutOfBoundsException from the JPEG decoder).
            throw new DocumentRejectedException(MSG_IMAGE_UNREADABLE, e);
        } finally {
            reader.dispose();
        }
    }

    static int subsamplingStep(int width, int height) {
        long pixels = (long) width * height;
        if (pixels <= DECODE_PIXEL_BUDGET) {
            return 1;
        }
        return (int) Math.ceil(Math.sqrt((double) pixels / DECODE_PIXEL_BUDGET));
    }

    /**
     * Makes a browser-supplied name safe to store and to display: no directory part, no
     * control or invisible formatting characters (a right-to-left override can disguise
     * {@code gpj.exe} as {@code exe.jpg}), none of the characters Windows forbids, at most
     * {@link #MAX_FILE_NAME_LENGTH} code points with the extension kept.
     *
     * @return the cleaned name, possibly without extension, never {@code null}
     */
    static String sanitizeFileName(String originalFileName) {
        if (originalFileName == null) {
            return "";
        }
        String name = Normalizer.normalize(originalFileName, Normalizer.Form.NFC);
        // Old browsers send the full client path, with either separator.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);

        StringBuilder cleaned = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.PRIVATE_USE
                    || Character.getType(cp) == Character.UNASSIGNED) {
                return;
            }
            if ("<>:\"|?*".indexOf(cp) >= 0) {
                cleaned.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                cleaned.append(' ');
            } else {
                cleaned.appendCodePoint(cp);
            }
        });
        // Windows silently drops trailing dots and spaces; doing it here keeps the stored
        // name identical to the one a downloading agent will get.
        name = cleaned.toString().replaceAll(" {2,}", " ").strip().replaceAll("[. ]+$", "");

        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 ? name.substring(dot + 1).strip() : "";
        String base = dot >= 0 ? name.substring(0, dot) : name;
        // A leading dot would hide the file on Unix and ".." must never survive.
        base = base.replaceAll("^[. ]+", "").strip();
        if (base.isEmpty()) {
            base = "document";
        }
        String suffix = extension.isEmpty() ? "" : "." + extension;

        int suffixLength = suffix.codePointCount(0, suffix.length());
        if (suffixLength >= MAX_FILE_NAME_LENGTH / 2) {
            // Not a real extension: cut the whole name instead.
            return truncate(base + suffix, MAX_FILE_NAME_LENGTH);
        }
        return truncate(base, MAX_FILE_NAME_LENGTH - suffixLength).strip() + suffix;
    }

    private static String truncate(String text, int maxCodePoints) {
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        // Counting code points, not chars, so an emoji is never cut in half.
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
    }

    private static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 ? fileName.substring(dot + 1) : "";
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
