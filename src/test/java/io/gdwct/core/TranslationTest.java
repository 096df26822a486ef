package io.gdwct.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.gdwct.api.TestModels;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model-independent properties of the one translate call (random tiny weights). */
class TranslationTest {
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
    void theOutputHasTheContentsSizeInBothDirections() {
        for (Direction d : Direction.values()) {
            TranslationRequest r = Sizing.prepare(image(80, 48, 1), image(40, 56, 2), d, 512, Strength.FULL);
            RgbImage out = Translation.translate(model, r, false).image();
            assertEquals(80, out.width(), d.label());
            assertEquals(48, out.height(), d.label());
        }
    }

    /** Asking for the statistics reads them from the same call; it does not change the output. */
    @Test
    void statisticsOnlyWhenAskedAndTheImageIsTheSameEitherWay() {
        TranslationRequest r = Sizing.prepare(image(64, 64, 3), image(64, 64, 4), Direction.A2B, 512, new Strength(0.5f));
        Translation.Result plain = Translation.translate(model, r, false);
        Translation.Result withStats = Translation.translate(model, r, true);
        assertNull(plain.stats());
        assertNotNull(withStats.stats());
        assertTrue(Double.isFinite(withStats.stats().whiteningError()), withStats.stats().toString());
        assertTrue(Double.isFinite(withStats.stats().coloringOrthogonality()), withStats.stats().toString());
        assertArrayEquals(plain.image().rgb(), withStats.image().rgb());
        assertTrue(plain.forwardNanos() > 0);
    }

    private static RgbImage image(int w, int h, int seed) {
        byte[] rgb = new byte[w * h * 3];
        new Random(seed).nextBytes(rgb);
        return new RgbImage(w, h, rgb);
    }
}
