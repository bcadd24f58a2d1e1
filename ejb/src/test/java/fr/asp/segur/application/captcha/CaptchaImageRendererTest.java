package fr.asp.segur.application.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class CaptchaImageRendererTest {

    static {
        // The server runs without a display; so must the drawing here, whatever the
        // developer's machine offers (has no effect if AWT was already started headless).
        System.setProperty("java.awt.headless", "true");
    }

    private final CaptchaImageRenderer renderer = new CaptchaImageRenderer();

    @Test
    void the_image_is_a_200_by_60_png() throws IOException {
        byte[] png = renderer.renderPng("bw72x");

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(60);
    }

    @Test
    void each_character_leaves_dark_strokes_in_its_fifth_of_the_image() throws IOException {
        for (long seed = 0; seed < 20; seed++) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                    renderer.renderPng("nrznm", new SplittableRandom(seed))));

            int slot = (CaptchaImageRenderer.WIDTH - 24) / 5;
            for (int c = 0; c < 5; c++) {
                assertThat(darkPixels(image, 12 + c * slot, 12 + (c + 1) * slot))
                        .as("character %d, seed %d", c, seed)
                        .isGreaterThan(40);
            }
        }
    }

    @Test
    void the_same_seed_draws_the_same_image_and_another_seed_another_one() {
        byte[] first = renderer.renderPng("bw72x", new SplittableRandom(11));
        byte[] again = renderer.renderPng("bw72x", new SplittableRandom(11));
        byte[] other = renderer.renderPng("bw72x", new SplittableRandom(12));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void the_image_stays_small_enough_to_inline() {
        assertThat(renderer.renderPng("hk3pq").length).isBetween(1_000, 40_000);
    }

    @Test
    void an_empty_or_overlong_code_is_a_programming_error() {
        assertThatThrownBy(() -> renderer.renderPng("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.renderPng("abcdefghk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.renderPng(null)).isInstanceOf(NullPointerException.class);
    }

    private static int darkPixels(BufferedImage image, int fromX, int toX) {
        int count = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                if (luminance < 100) {
                    count++;
                }
            }
        }
        return count;
    }
}
