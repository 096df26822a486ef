package io.gdwct.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TextureLoss} against an independent float64 torch implementation (slicing and avg_pool2d;
 * tools/reference/texture_loss.py), on known answers, and wired into the generator loss.
 */
class TextureLossTest {

    @Test
    void statisticsLossAndGradientMatchTheTorchReference() throws Exception {
        JsonNode ref = ReferenceJson.read("texture_loss_reference.json");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray t = m.create(ReferenceJson.doubles(ref.get("translation")), ReferenceJson.shape(ref.get("translationShape")));
            NDArray e = m.create(ReferenceJson.doubles(ref.get("exemplar")), ReferenceJson.shape(ref.get("exemplarShape")));
            assertClose(ReferenceJson.doubles(ref.get("statistics")), TextureLoss.statistics(t).toDoubleArray(), 1e-14, "statistics");
            t.setRequiresGradient(true);
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = TextureLoss.loss(t, e);
                value = loss.getDouble();
                gc.backward(loss);
            }
            assertEquals(ref.get("loss").asDouble(), value, 1e-12);
            assertClose(ReferenceJson.doubles(ref.get("gradTranslation")), t.getGradient().toDoubleArray(), 1e-12, "gradient");
        }
    }

    @Test
    void knownAnswers() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32), DataType.FLOAT64);
            assertEquals(0.0, TextureLoss.loss(x, x).getDouble(), 1e-15, "identical");
            // statistics are global: a shifted copy (no change of edges) and a flipped one cost nothing
            assertEquals(0.0, TextureLoss.loss(x, x.add(0.2)).getDouble(), 1e-12, "shifted");
            assertEquals(0.0, TextureLoss.loss(x, x.flip(2, 3)).getDouble(), 1e-12, "rotated 180 degrees");
            // halving the contrast halves every statistic: log 2 per statistic (ε aside)
            assertEquals(Math.log(2), TextureLoss.loss(x.mul(0.5), x).getDouble(), 2e-3, "half contrast");
            // a vertical-stripe image has horizontal energy and no vertical energy at level 0
            double[] stripes = new double[3 * 16 * 16];
            for (int i = 0; i < stripes.length; i++) {
                stripes[i] = (i % 16) % 2 == 0 ? 0.5 : -0.5;
            }
            double[] s = TextureLoss.statistics(m.create(stripes, new Shape(1, 3, 16, 16))).toDoubleArray();
            assertEquals(1.0, s[0], 1e-12, "horizontal: 0.5·(2 · 1) per position");
            assertEquals(0.0, s[1], 1e-12, "vertical");
            assertEquals(0.5, s[2], 1e-12, "diagonal");
            assertEquals(0.0, s[4], 1e-12, "level 1 pools each stripe pair to 0");
        }
    }

    @Test
    void rejectsTooSmallImagesAndMismatchedBatches() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray small = m.zeros(new Shape(1, 3, 15, 32));
            assertThrows(IllegalArgumentException.class, () -> TextureLoss.statistics(small));
            assertThrows(IllegalArgumentException.class,
                    () -> TextureLoss.loss(m.zeros(new Shape(2, 3, 16, 16)), m.zeros(new Shape(1, 3, 16, 16))));
        }
    }

    /** The weighted term is added to g_total, logged as "texture", and absent at weight 0. */
    @Test
    void generatorTotalAddsTheWeightedTermOnlyWhenOn() {
        Random rng = new Random(9);
        double[] a = new double[3 * 32 * 32];
        double[] b = new double[3 * 32 * 32];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble() * 2 - 1;
            b[i] = rng.nextDouble() - 0.5;
        }
        Map<String, Double> off = TinyGeneratorLoss.values(0, 0, a, b);
        Map<String, Double> on = TinyGeneratorLoss.values(0, 3, a, b);
        assertTrue(!off.containsKey("texture"), off.toString());
        double texture = on.get("texture");
        assertTrue(texture > 0, "two log-L1 terms: " + texture);
        assertEquals(off.get("g_total") + 3 * texture, on.get("g_total"), 1e-9);
    }

    private static void assertClose(double[] want, double[] got, double tol, String what) {
        double worst = ReferenceJson.maxAbsDiff(want, got);
        assertTrue(worst < tol, what + " differs by " + worst);
    }
}
