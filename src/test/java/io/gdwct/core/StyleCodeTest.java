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
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A style code made once gives the very output of the whole translation, in both directions. */
class StyleCodeTest {
    private static GdwctModel model;

    @BeforeAll
    static void load() throws Exception {
        model = GdwctModel.load(TestModels.tinyModels().resolve("default"), Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void translatingWithTheCodeEqualsTranslatingWithTheExemplar() {
        RgbImage exemplar = Sizing.prepareExemplar(image(90, 50, 1), 64);
        assertEquals(64, exemplar.width());
        for (Direction d : Direction.values()) {
            StyleCode code = Translation.styleCode(model, exemplar, d);
            assertEquals(4, code.shape().length);
            for (int seed = 2; seed < 4; seed++) {
                RgbImage content = Sizing.prepareContent(image(70, 46, seed), 64);
                RgbImage expected = Translation.translate(model, new TranslationRequest(content, exemplar, d, 0.8f), false).image();
                try (NDManager m = NDManager.newBaseManager(model.device())) {
                    Translation.Result r = Translation.translate(model, m, content, code, 0.8f);
                    assertArrayEquals(expected.rgb(), r.image().rgb(), d.label());
                    assertEquals(content.width(), r.image().width());
                }
            }
        }
    }

    @Test
    void theContentAndStrengthAreCheckedAsInARequest() {
        StyleCode code = Translation.styleCode(model, image(32, 32, 5), Direction.A2B);
        try (NDManager m = NDManager.newBaseManager(model.device())) {
            assertThrows(IllegalArgumentException.class, () -> Translation.translate(model, m, image(30, 32, 6), code, 1f));
            assertThrows(IllegalArgumentException.class, () -> Translation.translate(model, m, image(32, 32, 6), code, 1.5f));
            assertThrows(IllegalArgumentException.class, () -> Translation.translate(model, m, image(32, 32, 6), code, Float.NaN));
        }
        assertThrows(IllegalArgumentException.class, () -> new StyleCode(Direction.A2B, new long[] {1, 4, 1, 1}, new float[3]));
        assertEquals(48, Sizing.prepareContent(image(50, 50, 7), 50).width());
    }

    private static RgbImage image(int w, int h, int seed) {
        byte[] rgb = new byte[w * h * 3];
        new Random(seed).nextBytes(rgb);
        return new RgbImage(w, h, rgb);
    }
}
