package fr.asp.segur.application.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a captcha code as a PNG image, on the server itself: the portal runs without any
 * third-party captcha service.
 *
 * <p>The image has to stay readable by a person (the code is the main way through the
 * enrolment form) while defeating naive OCR: each character gets its own font, size,
 * rotation and colour, over a noisy background crossed by a few thin curves.
 *
 * <p>Only {@code java.awt} off-screen drawing is used, which works with
 * {@code -Djava.awt.headless=true}; the three logical font families are used because the
 * JDK maps them onto whatever fonts the server has (it does need at least one font
 * installed, e.g. the Debian package {@code fonts-dejavu-core}, and fontconfig).
 *
 * <p>Thread-safe: no state beyond the shared {@link SecureRandom}.
 */
public class CaptchaImageRenderer {

    public static final int WIDTH = 200;
    public static final int HEIGHT = 60;

    /** Beyond this, characters would overlap at the chosen font sizes. */
    public static final int MAX_CODE_LENGTH = 8;

    private static final String[] FONT_FAMILIES = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED};

    // Bold throughout: thin serif strokes disappear under the noise once rotated.
    private static final int[] FONT_STYLES = {Font.BOLD, Font.BOLD | Font.ITALIC};

    private static final int MARGIN = 12;

    private static final RandomGenerator SECURE_RANDOM = new SecureRandom();

    /** Draws the code with unpredictable distortions. */
    public byte[] renderPng(String code) {
        return renderPng(code, SECURE_RANDOM);
    }

    /**
     * Draws the code; the same code and the same seeded generator give the same bytes on
     * the same JVM and fonts, which makes the drawing testable.
     */
    public byte[] renderPng(String code, RandomGenerator rnd) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rnd, "rnd");
        if (code.isBlank() || code.length() > MAX_CODE_LENGTH) {
            throw new IllegalArgumentException("A captcha code has 1 to " + MAX_CODE_LENGTH + " characters");
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            drawBackground(g, rnd);
            drawCharacters(g, code, rnd);
            drawForegroundCurves(g, rnd);
        } finally {
            g.dispose();
        }
        return toPng(image);
    }

    private static void drawBackground(Graphics2D g, RandomGenerator rnd) {
        g.setPaint(new GradientPaint(0, 0, lightColour(rnd), WIDTH, HEIGHT, lightColour(rnd)));
        g.fillRect(0, 0, WIDTH, HEIGHT);

        for (int i = 0; i < 350; i++) {
            g.setColor(midColour(rnd, 150, 220));
            int size = 1 + rnd.nextInt(2);
            g.fillOval(rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT), size, size);
        }
        // Straight lines behind the text give OCR edges to trip on without hiding any stroke.
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < 6; i++) {
            g.setColor(midColour(rnd, 120, 200));
            g.draw(new Line2D.Double(rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT),
                    rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT)));
        }
    }

    private static void drawCharacters(Graphics2D g, String code, RandomGenerator rnd) {
        double slot = (WIDTH - 2.0 * MARGIN) / code.length();
        AffineTransform original = g.getTransform();
        for (int i = 0; i < code.length(); i++) {
            String character = String.valueOf(code.charAt(i));
            Font font = new Font(FONT_FAMILIES[rnd.nextInt(FONT_FAMILIES.length)],
                    FONT_STYLES[rnd.nextInt(FONT_STYLES.length)], 30 + rnd.nextInt(9));
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            double charWidth = metrics.stringWidth(character);
            double centreX = MARGIN + slot * i + slot / 2 + (rnd.nextDouble() - 0.5) * slot * 0.25;
            double centreY = HEIGHT / 2.0 + (rnd.nextDouble() - 0.5) * 10;
            // About ±20 degrees: more and "u" and "n", "6" and "9" start to swap.
            double angle = (rnd.nextDouble() - 0.5) * Math.toRadians(40);

            g.setTransform(original);
            g.rotate(angle, centreX, centreY);
            g.setColor(darkColour(rnd));
            // Centre the glyph's box on the chosen point, from its ascent and descent.
            float x = (float) (centreX - charWidth / 2);
            float y = (float) (centreY + (metrics.getAscent() - metrics.getDescent()) / 2.0);
            g.drawString(character, x, y);
        }
        g.setTransform(original);
    }

    private static void drawForegroundCurves(Graphics2D g, RandomGenerator rnd) {
        for (int i = 0; i < 2; i++) {
            g.setStroke(new BasicStroke(1.2f + rnd.nextFloat() * 0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(midColour(rnd, 60, 140));
            g.draw(new CubicCurve2D.Double(
                    0, 10 + rnd.nextInt(HEIGHT - 20),
                    WIDTH / 3.0, rnd.nextInt(HEIGHT),
                    2 * WIDTH / 3.0, rnd.nextInt(HEIGHT),
                    WIDTH, 10 + rnd.nextInt(HEIGHT - 20)));
        }
    }

    private static Color lightColour(RandomGenerator rnd) {
        return new Color(225 + rnd.nextInt(31), 225 + rnd.nextInt(31), 225 + rnd.nextInt(31));
    }

    private static Color midColour(RandomGenerator rnd, int low, int high) {
        int span = high - low;
        return new Color(low + rnd.nextInt(span), low + rnd.nextInt(span), low + rnd.nextInt(span));
    }

    /** Dark enough for a contrast ratio of at least 4.5:1 (RGAA) against the light background. */
    private static Color darkColour(RandomGenerator rnd) {
        return new Color(rnd.nextInt(90), rnd.nextInt(90), rnd.nextInt(110));
    }

    private static byte[] toPng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // ImageIO.write(image, "png", out) would go through a temporary file per image when
        // the global ImageIO cache is on, its default; a captcha is a few kilobytes.
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
