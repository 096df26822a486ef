package io.gdwct.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RgbImageTest {

    @Test
    void chwFloatRoundTripIsExactForAll256Values() {
        // 256 x 1 pixels; channel c of pixel i holds (i + 85·c) mod 256, so every channel sees every value
        byte[] rgb = new byte[256 * 3];
        for (int i = 0; i < 256; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[i * 3 + c] = (byte) ((i + 85 * c) & 0xFF);
            }
        }
        RgbImage img = new RgbImage(256, 1, rgb);
        float[] chw = img.toChwFloats();
        assertEquals(3 * 256, chw.length);
        assertEquals(-1f, chw[0]); // red plane, value 0
        assertEquals(1f, chw[255]); // red plane, value 255
        assertEquals((85 & 0xFF) / 127.5f - 1f, chw[256]); // green plane starts at pixel 0 with 85
        assertArrayEquals(rgb, RgbImage.fromChwFloats(chw, 256, 1).rgb());
    }

    @Test
    void chwLayoutIsPlanar() {
        RgbImage img = TestImages.gradient(5, 3);
        float[] chw = img.toChwFloats();
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(img.get(x, y, c) / 127.5f - 1f, chw[c * 15 + y * 5 + x]);
                }
            }
        }
    }
}
