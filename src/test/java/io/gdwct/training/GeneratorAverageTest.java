package io.gdwct.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.GdwctConfig;
import io.gdwct.model.ModelDirectory;
import io.gdwct.model.ModelInfo;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.checkpoint.SafetensorsReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generators' weight average: its arithmetic, its checkpointing and the exported model. */
class GeneratorAverageTest {
    private static final Path IMAGES = Path.of("src/test/resources/images");

    static TrainingConfig tiny(long iterations, double emaDecay) {
        return new TrainingConfig(new GdwctConfig(4, 2, 8, 2, 4, 3, 2), iterations, 2, 32, 32, 1, 1,
                1e-3, 1e-3, 0.5, 0.999, 1e-4, iterations, 10, 0.5, 10, 10, 1, 1, 0.001, 10, 0, 0, emaDecay, 10, 10, 1, 3);
    }

    /** With d = 0.25 and weights w0 (initial), w1, w2 after two steps: avg = d²·w0 + d(1 − d)·w1 + (1 − d)·w2. */
    @Test
    void averageFollowsTheClosedForm() {
        TrainingConfig cfg = tiny(2, 0.25);
        Random rng = new Random(3);
        try (TrainingModels models = new TrainingModels(cfg, Device.cpu())) {
            GdwctTrainer trainer = new GdwctTrainer(cfg, models);
            Map<String, float[]> w0 = weights(models);
            step(trainer, models, rng, 0);
            Map<String, float[]> w1 = weights(models);
            step(trainer, models, rng, 1);
            Map<String, float[]> w2 = weights(models);
            Map<String, HostTensor> avg = models.average().exportState();
            assertEquals(models.generatorParameters().keySet(), avg.keySet());
            int moved = 0;
            for (String k : avg.keySet()) {
                float[] got = avg.get(k).data();
                for (int i = 0; i < got.length; i++) {
                    float want = 0.0625f * w0.get(k)[i] + 0.1875f * w1.get(k)[i] + 0.75f * w2.get(k)[i];
                    assertEquals(want, got[i], 1e-6f, k + "[" + i + "]");
                    moved += w2.get(k)[i] != w0.get(k)[i] ? 1 : 0;
                }
            }
            assertTrue(moved > 1000, "the steps moved the weights: " + moved);
        }
    }

    /** The average is checkpointed, survives a resume exactly, and is what the exported model holds. */
    @Test
    void resumedRunKeepsTheAverageAndExportsIt(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = tiny(5, 0.9);
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        assertEquals(5, run(cfg, straight, false, Long.MAX_VALUE));
        assertEquals(2, run(cfg, resumed, false, 2));
        assertEquals(5, run(cfg, resumed, true, Long.MAX_VALUE));
        Map<String, HostTensor> a = SafetensorsReader.read(TrainingCheckpoint.file(straight)).tensors();
        Map<String, HostTensor> b = SafetensorsReader.read(TrainingCheckpoint.file(resumed)).tensors();
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.keySet().stream().anyMatch(k -> k.startsWith("ema.G_A.")) && a.keySet().stream().anyMatch(k -> k.startsWith("ema.G_B.")), "both averages are checkpointed");
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).data(), b.get(k).data(), 0f, k + " differs after resume");
        }
        Map<String, HostTensor> exported = SafetensorsReader.read(straight.resolve("model").resolve(ModelDirectory.G_A_FILE)).tensors();
        int averaged = 0;
        for (Map.Entry<String, HostTensor> e : exported.entrySet()) {
            HostTensor avg = a.get("ema.G_A." + e.getKey());
            HostTensor live = a.get("G_A." + e.getKey());
            if (avg != null) {
                assertArrayEquals(avg.data(), e.getValue().data(), 0f, e.getKey() + " is the average");
                averaged += java.util.Arrays.equals(avg.data(), live.data()) ? 0 : 1;
            } else {
                assertArrayEquals(live.data(), e.getValue().data(), 0f, e.getKey() + " (a buffer) is live");
            }
        }
        assertTrue(averaged > 10, "averaged weights differ from the live ones: " + averaged);
    }

    /** Resuming a checkpoint written without an average starts the average at its weights. */
    @Test
    void anOldCheckpointStartsTheAverageAtItsWeights(@TempDir Path tmp) throws Exception {
        assertEquals(2, run(tiny(2, 0), tmp, false, Long.MAX_VALUE));
        try (TrainingModels models = new TrainingModels(tiny(4, 0.99), Device.cpu())) {
            TrainingCheckpoint.load(tmp, models);
            Map<String, HostTensor> avg = models.average().exportState();
            Map<String, float[]> w = weights(models);
            for (String k : avg.keySet()) {
                assertArrayEquals(w.get(k), avg.get(k).data(), 0f, k);
            }
        }
    }

    @Test
    void rejectsADecayOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> tiny(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> tiny(1, -0.1));
    }

    private static void step(GdwctTrainer trainer, TrainingModels models, Random rng, long i) {
        try (NDManager step = models.manager().newSubManager()) {
            Shape shape = new Shape(2, 3, 32, 32);
            float[] a = new float[(int) shape.size()];
            float[] b = new float[a.length];
            for (int j = 0; j < a.length; j++) {
                a[j] = rng.nextFloat() * 2 - 1;
                b[j] = rng.nextFloat() * 2 - 1;
            }
            NDArray xA = step.create(a, shape);
            NDArray xB = step.create(b, shape);
            trainer.step(xA, xB, i, step);
        }
    }

    private static Map<String, float[]> weights(TrainingModels models) {
        Map<String, float[]> out = new LinkedHashMap<>();
        models.generatorParameters().forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
        return out;
    }

    private static long run(TrainingConfig cfg, Path dir, boolean resume, long stopAfter) throws Exception {
        TrainingRun r = new TrainingRun(cfg, new TrainingRun.Paths(IMAGES, IMAGES, dir, null),
                new ModelInfo.Domains("a", "b"), Device.cpu(), new PrintStream(new ByteArrayOutputStream()));
        return r.run(resume, stopAfter);
    }
}
