package io.gdwct.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.gdwct.api.TestModels;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A style code made once gives the very output of the whole translation, in both directions. */
class StyleCodeTest {

    @Test
    void translatingWithTheCodeEqualsTranslatingWithTheExemplar() throws IOException {
        RgbImage exemplar = Sizing.prepareExemplar(pattern(90, 50, 1), 64);
        assertEquals(64, exemplar.width());
        try (GdwctModel model = tiny(); NDManager m = NDManager.newBaseManager(model.device())) {
            for (Direction d : Direction.values()) {
                StyleCode code = Translation.styleCode(model, exemplar, d);
                assertEquals(4, code.shape().length);
                for (int seed = 2; seed < 4; seed++) {
                    RgbImage content = Sizing.prepareContent(pattern(70, 46, seed), 64);
                    RgbImage expected = Translation.translate(model, new TranslationRequest(content, exemplar, d, new Strength(0.8f)), false)
                            .image();
                    RgbImage actual = Translation.translate(model, m, content, code, new Strength(0.8f)).image();
                    assertArrayEquals(expected.rgb(), actual.rgb(), d.label());
                    assertEquals(content.width(), actual.width());
                }
            }
        }
    }

    @Test
    void theContentIsCheckedAsInARequest() throws IOException {
        try (GdwctModel model = tiny(); NDManager m = NDManager.newBaseManager(model.device())) {
            StyleCode code = Translation.styleCode(model, pattern(32, 32, 5), Direction.A2B);
            assertThrows(IllegalArgumentException.class,
                    () -> Translation.translate(model, m, pattern(30, 32, 6), code, Strength.FULL));
        }
        assertThrows(IllegalArgumentException.class, () -> new StyleCode(Direction.A2B, new long[] {1, 4, 1, 1}, new float[3]));
        assertEquals(48, Sizing.prepareContent(pattern(50, 50, 7), 50).width());
    }

    private static GdwctModel tiny() throws IOException {
        return GdwctModel.load(TestModels.tinyModels().resolve("default"), Device.cpu());
    }

    /** A deterministic colour pattern that differs with {@code seed}. */
    private static RgbImage pattern(int w, int h, int seed) {
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * (seed * 2 + 1) % 251 + (i / (w * 3)) * seed);
        }
        return new RgbImage(w, h, rgb);
    }
}
