package io.gdwct.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The tone metric on images whose answer is known in closed form. */
class LuminanceCorrelationTest {

    private static RgbImage random(int w, int h, long seed) {
        byte[] p = new byte[w * h * 3];
        new Random(seed).nextBytes(p);
        return new RgbImage(w, h, p);
    }

    /** Applies {@code f} to every byte (every channel of every pixel). */
    private static RgbImage map(RgbImage img, IntUnaryOperator f) {
        byte[] p = img.rgb().clone();
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) f.applyAsInt(p[i] & 0xff);
        }
        return new RgbImage(img.width(), img.height(), p);
    }

    @Test
    void sameImageIsOneAndNegativeIsMinusOne() {
        RgbImage img = random(31, 17, 1);
        assertEquals(1.0, LuminanceCorrelation.of(img, img), 1e-12);
        assertEquals(-1.0, LuminanceCorrelation.of(img, map(img, v -> 255 - v)), 1e-12);
    }

    @Test
    void anAffineToneChangeOfAllChannelsKeepsOne() {
        RgbImage img = random(20, 20, 2);
        // y = 0.5 x + 60 on every channel: luminance is the same affine map of the original's
        assertEquals(1.0, LuminanceCorrelation.of(img, map(img, v -> v / 2 + 60)), 2e-3); // integer rounding only
    }

    @Test
    void independentImagesAreNearZero() {
        double r = LuminanceCorrelation.of(random(64, 64, 3), random(64, 64, 4));
        assertTrue(Math.abs(r) < 0.05, "r = " + r); // 4096 pixels: |r| > 0.05 has a chance below 0.2 %
    }

    @Test
    void matchesTheDefinitionOnASmallExample() {
        // 3 grey pixels 0, 100, 200 against 10, 10, 250: Pearson r by hand
        RgbImage a = new RgbImage(3, 1, new byte[] {0, 0, 0, 100, 100, 100, (byte) 200, (byte) 200, (byte) 200});
        RgbImage b = new RgbImage(3, 1, new byte[] {10, 10, 10, 10, 10, 10, (byte) 250, (byte) 250, (byte) 250});
        double ma = 100;
        double mb = 90;
        double cov = (-100) * (-80) + 0 * (-80) + 100 * 160;
        double r = cov / Math.sqrt((100 * 100 + 0 + 100 * 100) * (80.0 * 80 + 80 * 80 + 160 * 160));
        assertEquals(r, LuminanceCorrelation.of(a, b), 1e-9);
        assertEquals(ma, 100); // the means used above
        assertEquals(mb, 90);
    }

    @Test
    void weightsChannelsAsBt601() {
        // only green varies in a, only blue in b, in step: still r = 1; red against inverted green: -1
        RgbImage a = new RgbImage(2, 1, new byte[] {0, 0, 0, 0, 100, 0});
        RgbImage b = new RgbImage(2, 1, new byte[] {0, 0, 0, 0, 0, 100});
        assertEquals(1.0, LuminanceCorrelation.of(a, b), 1e-12);
        RgbImage c = new RgbImage(2, 1, new byte[] {0, 100, 0, 100, 0, 0});
        assertEquals(-1.0, LuminanceCorrelation.of(c, b), 1e-12);
    }

    @Test
    void flatImageIsUndefinedAndSizesMustMatch() {
        RgbImage flat = new RgbImage(4, 4, new byte[48]);
        assertTrue(Double.isNaN(LuminanceCorrelation.of(flat, random(4, 4, 5))));
        assertThrows(IllegalArgumentException.class, () -> LuminanceCorrelation.of(random(4, 4, 5), random(5, 4, 5)));
    }
}
