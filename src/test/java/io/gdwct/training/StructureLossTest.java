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
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StructureLoss} against an independent float64 torch implementation (a full 2-D window;
 * tools/reference/structure_loss.py), on known answers, and wired into the generator loss.
 */
class StructureLossTest {

    @Test
    void valueAndGradientMatchTheTorchReference() throws Exception {
        JsonNode ref = ReferenceJson.read("structure_loss_reference.json");
        Shape shape = ReferenceJson.shape(ref.get("shape"));
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (JsonNode c : ref.get("cases")) {
                NDArray x = m.create(ReferenceJson.doubles(ref.get("x")), shape);
                NDArray y = m.create(ReferenceJson.doubles(c.get("y")), shape);
                x.setRequiresGradient(true);
                double value;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = StructureLoss.loss(x, y);
                    value = 1 - loss.getDouble();
                    gc.backward(loss);
                }
                assertEquals(c.get("similarity").asDouble(), value, 1e-12, c.get("name").asText());
                double[] want = ReferenceJson.doubles(c.get("gradX"));
                double[] got = x.getGradient().toDoubleArray();
                double worst = ReferenceJson.maxAbsDiff(want, got);
                assertTrue(worst < 1e-12, c.get("name").asText() + ": gradient differs by " + worst);
            }
        }
    }

    @Test
    void knownAnswers() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.randomUniform(-1, 1, new Shape(2, 3, 24, 24), DataType.FLOAT64);
            assertEquals(1.0, StructureLoss.similarity(x, x).getDouble(), 1e-12, "identical");
            // luminance is not compared: a constant shift of every channel changes nothing
            assertEquals(1.0, StructureLoss.similarity(x, x.add(0.3)).getDouble(), 1e-12, "shifted");
            // an inverted image has cs = (C2 - 2σ²) / (2σ² + C2) at every window: near -1 for texture
            double inverted = StructureLoss.similarity(x, x.neg()).getDouble();
            assertTrue(inverted < -0.95, "inverted: " + inverted);
            // a flat image against texture: cs = C2 / (σ² + C2), small
            double flat = StructureLoss.similarity(x, m.zeros(x.getShape(), DataType.FLOAT64)).getDouble();
            assertTrue(flat > 0 && flat < 0.1, "flat: " + flat);
            assertEquals(0.0, StructureLoss.loss(x, x).getDouble(), 1e-12);
            // float32 inputs stay float32
            NDArray f = x.toType(DataType.FLOAT32, false);
            assertEquals(DataType.FLOAT32, StructureLoss.loss(f, f).getDataType());
        }
    }

    @Test
    void rejectsMismatchedAndTooSmallImages() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray a = m.zeros(new Shape(1, 3, 16, 16));
            assertThrows(IllegalArgumentException.class, () -> StructureLoss.loss(a, m.zeros(new Shape(1, 3, 16, 12))));
            NDArray tiny = m.zeros(new Shape(1, 3, 10, 16));
            assertThrows(IllegalArgumentException.class, () -> StructureLoss.loss(tiny, tiny));
        }
    }

    /** The weighted term is added to g_total, logged as "structure", and absent at weight 0. */
    @Test
    void generatorTotalAddsTheWeightedTermOnlyWhenOn() {
        Random rng = new Random(5);
        double[] a = new double[3 * 32 * 32];
        double[] b = new double[3 * 32 * 32];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble() * 2 - 1;
            b[i] = rng.nextDouble() * 2 - 1;
        }
        java.util.Map<String, Double> off = TinyGeneratorLoss.values(0, 0, a, b);
        java.util.Map<String, Double> on = TinyGeneratorLoss.values(2.5, 0, a, b);
        assertTrue(!off.containsKey("structure"), off.toString());
        double structure = on.get("structure");
        assertTrue(structure > 0 && structure < 4, "two terms of 1 - cs: " + structure);
        assertEquals(off.get("gen_adv"), on.get("gen_adv"), 1e-12, "same models, same inputs");
        assertEquals(off.get("g_total") + 2.5 * structure, on.get("g_total"), 1e-9);
    }
}
