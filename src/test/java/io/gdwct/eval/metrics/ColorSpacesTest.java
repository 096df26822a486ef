package io.gdwct.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gdwct.image.RgbImage;
import org.junit.jupiter.api.Test;

class ColorSpacesTest {

    @Test
    void whiteIsL100WithZeroChroma() {
        assertArrayEquals(new double[] {100, 0, 0}, ColorSpaces.lab(255, 255, 255), 1e-9);
    }

    @Test
    void blackIsZero() {
        assertArrayEquals(new double[] {0, 0, 0}, ColorSpaces.lab(0, 0, 0), 1e-9);
    }

    @Test
    void primariesMatchPublishedLab() {
        assertArrayEquals(new double[] {53.24, 80.09, 67.20}, ColorSpaces.lab(255, 0, 0), 0.05);
        assertArrayEquals(new double[] {87.73, -86.18, 83.18}, ColorSpaces.lab(0, 255, 0), 0.05);
        assertArrayEquals(new double[] {32.30, 79.19, -107.86}, ColorSpaces.lab(0, 0, 255), 0.05);
    }

    @Test
    void greysAreAchromatic() {
        for (int v = 0; v < 256; v += 17) {
            double[] lab = ColorSpaces.lab(v, v, v);
            assertEquals(0, lab[1], 1e-9, "a* of grey " + v);
            assertEquals(0, lab[2], 1e-9, "b* of grey " + v);
        }
        assertEquals(53.585, ColorSpaces.lab(128, 128, 128)[0], 0.01); // mid grey
    }

    @Test
    void planarLayoutIsLabPlanesRowMajor() {
        RgbImage img = TestImages.of(2, 1, (x, y) -> x == 0 ? new int[] {255, 0, 0} : new int[] {255, 255, 255});
        float[][] lab = ColorSpaces.toLab(img);
        assertEquals(53.24, lab[0][0], 0.05);
        assertEquals(80.09, lab[1][0], 0.05);
        assertEquals(67.20, lab[2][0], 0.05);
        assertEquals(100, lab[0][1], 1e-4);
        assertEquals(lab[0][0] / 100f, ColorSpaces.lightness01(img)[0], 1e-6);
    }

    @Test
    void luminanceIsRec601Luma() {
        RgbImage img = TestImages.flat(1, 1, 100, 150, 200);
        assertEquals(0.299 * 100 + 0.587 * 150 + 0.114 * 200, ColorSpaces.luminance(img)[0], 1e-4);
    }
}
