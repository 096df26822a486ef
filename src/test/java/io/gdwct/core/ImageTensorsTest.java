package io.gdwct.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tensor boundary as tensor operations must give, bit for bit, what the per-pixel Java
 * formulas of {@link RgbImage} give: translations stay byte-identical to before.
 */
class ImageTensorsTest {

    @Test
    void everyByteValueBecomesTheSameFloatAsTheJavaFormula() {
        int w = 256;
        int h = 2;
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            rgb[3 * i] = (byte) i;
            rgb[3 * i + 1] = (byte) (255 - i);
            rgb[3 * i + 2] = (byte) (i * 7);
        }
        RgbImage img = new RgbImage(w, h, rgb);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray t = ImageTensors.toTensor(m, img);
            assertEquals(new Shape(1, 3, h, w), t.getShape());
            assertArrayEquals(img.toChwFloats(), t.toFloatArray());
        }
    }

    @Test
    void floatsBecomeTheSameBytesAsTheJavaFormula() {
        int w = 250;
        int h = 200;
        float[] chw = new float[3 * w * h];
        Random rng = new Random(7);
        for (int i = 0; i < chw.length; i++) {
            chw[i] = rng.nextFloat() * 2.4f - 1.2f;
        }
        // exact ties of (y + 1) / 2 · 255 = k + 0.5, and the ends of the range
        float[] special = {-1f, 1f, 0f, -2f, 2f, 0.5f / 255f * 2f - 1f, 1.5f / 255f * 2f - 1f, 254.5f / 255f * 2f - 1f};
        System.arraycopy(special, 0, chw, 0, special.length);
        for (int k = 0; k < 255; k++) {
            chw[special.length + k] = (k + 0.5f) / 255f * 2f - 1f;
            chw[special.length + 255 + k] = Math.nextDown((k + 0.5f) / 255f * 2f - 1f);
        }
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray batch = m.create(chw, new Shape(1, 3, h, w)).concat(m.zeros(new Shape(1, 3, h, w)), 0);
            RgbImage out = ImageTensors.toImage(batch, 0);
            assertEquals(w, out.width());
            assertEquals(h, out.height());
            assertArrayEquals(RgbImage.fromChwFloats(chw, w, h).rgb(), out.rgb());
        }
    }

    @Test
    void anImageSurvivesTheRoundTrip() {
        Random rng = new Random(3);
        byte[] rgb = new byte[36 * 20 * 3];
        rng.nextBytes(rgb);
        RgbImage img = new RgbImage(36, 20, rgb);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            assertArrayEquals(rgb, ImageTensors.toImage(ImageTensors.toTensor(m, img), 0).rgb());
        }
    }
}
