package fr.asp.segur.system;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/** Small supporting documents written on the fly in a temporary directory, to upload from the browser. */
final class SampleFiles {

    /** The document checker's limit: 4 Mo. */
    static final int MAX_SIZE = 4 * 1024 * 1024;

    private final Path dir;

    SampleFiles(Path dir) {
        this.dir = dir;
    }

    /** A valid one-page PDF. */
    Path pdf(String name) {
        return write(name, pdfBytes(0));
    }

    /** A valid one-page PNG image. */
    Path png(String name) {
        BufferedImage image = new BufferedImage(240, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 120);
        g.setColor(Color.BLACK);
        g.drawString("Piece justificative", 20, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(name, out.toByteArray());
    }

    /** A well-formed PDF of exactly {@code size} bytes (its page stream is padded). */
    Path pdfOfSize(String name, int size) {
        int padding = 0;
        byte[] bytes = pdfBytes(padding);
        for (int i = 0; i < 5 && bytes.length != size; i++) {
            padding += size - bytes.length;
            bytes = pdfBytes(padding);
        }
        if (bytes.length != size) {
            throw new IllegalStateException("Could not size the PDF: " + bytes.length);
        }
        return write(name, bytes);
    }

    /** A Linux executable (an ELF header and code-like bytes) with a .pdf name. */
    Path executable(String name) {
        byte[] elf = new byte[8192];
        byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                2, 0, 0x3E, 0, 1, 0, 0, 0, 0x78, 0, 0x40, 0, 0, 0, 0, 0,
                0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0x40, 0, 0x38, 0, 1, 0, 0, 0, 0, 0, 0, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        for (int i = header.length; i < elf.length; i++) {
            elf[i] = (byte) (i * 31 + 7);
        }
        return write(name, elf);
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal PDF 1.4: catalog, pages, one A4 page and its content stream, with a correct xref table. */
    private static byte[] pdfBytes(int padding) {
        String content = "BT /F1 18 Tf 72 760 Td (Piece justificative - test) Tj ET\n";
        if (padding > 0) {
            char[] fill = new char[padding];
            Arrays.fill(fill, ' ');
            content = content + "%" + new String(fill) + "\n";
        }
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + content
                        + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
