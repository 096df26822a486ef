package io.gdwct.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.image.RgbImage;
import org.junit.jupiter.api.Test;

class SsimTest {

    private final RgbImage scene = TestImages.scene(64, 64);

    @Test
    void identicalImagesScoreOne() {
        assertEquals(1.0, Ssim.ssim(scene, scene), 1e-12);
        RgbImage copy = new RgbImage(64, 64, scene.rgb().clone());
        assertEquals(1.0, Ssim.ssim(scene, copy), 1e-12);
    }

    @Test
    void noiseLowersSsimMonotonically() {
        double light = Ssim.ssim(scene, TestImages.withNoise(scene, 5, 1));
        double medium = Ssim.ssim(scene, TestImages.withNoise(scene, 20, 1));
        double heavy = Ssim.ssim(scene, TestImages.withNoise(scene, 60, 1));
        assertTrue(light < 1, "light noise < 1: " + light);
        assertTrue(medium < light, "medium " + medium + " < light " + light);
        assertTrue(heavy < medium, "heavy " + heavy + " < medium " + medium);
    }

    @Test
    void negativeOfTexturedImageScoresLow() {
        // Textured, so local variance dominates C2 and the structure term sees the anti-correlation.
        // (A smooth gradient against its negative scores higher, ~0.15: its windows are nearly flat.)
        RgbImage textured = TestImages.withNoise(scene, 40, 3);
        double s = Ssim.ssim(textured, TestImages.negative(textured));
        assertTrue(s < 0, "SSIM against the negative: " + s);
    }

    @Test
    void isSymmetric() {
        RgbImage noisy = TestImages.withNoise(scene, 20, 2);
        assertEquals(Ssim.ssim(scene, noisy), Ssim.ssim(noisy, scene), 1e-12);
    }

    @Test
    void flatImagesOfDifferentBrightnessMatchTheLuminanceTerm() {
        // Flat: σ = 0, so SSIM = (2 μx μy + C1) / (μx² + μy² + C1) everywhere.
        double c1 = Math.pow(0.01 * 255, 2);
        double expected = (2 * 100.0 * 150 + c1) / (100.0 * 100 + 150.0 * 150 + c1);
        assertEquals(expected, Ssim.ssim(TestImages.flat(20, 20, 100, 100, 100), TestImages.flat(20, 20, 150, 150, 150)), 1e-4);
    }

    @Test
    void differentSizesAreRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ssim.ssim(scene, TestImages.scene(32, 48)));
        assertTrue(e.getMessage().contains("64x64") && e.getMessage().contains("32x48"), e.getMessage());
    }

    @Test
    void imagesSmallerThanTheWindowAreRejected() {
        RgbImage tiny = TestImages.flat(10, 30, 1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> Ssim.ssim(tiny, tiny));
    }
}
