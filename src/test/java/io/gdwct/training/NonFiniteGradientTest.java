package io.gdwct.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.gdwct.model.GdwctConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A step whose gradient is not finite must leave every weight as it was (one NaN update would
 * poison the weights and every later checkpoint), later finite steps must train again, and a run
 * whose steps keep failing must stop with a clear error.
 */
class NonFiniteGradientTest {

    private static TrainingConfig tiny() {
        return new TrainingConfig(new GdwctConfig(4, 2, 8, 2, 4, 3, 2), 50, 1, 32, 32, 1, 1,
                1e-3, 1e-3, 0.5, 0.999, 1e-4, 50, 10, 0.5, 10, 10, 1, 1, 0.001, 10, 0, 0, 0, 10, 10, 1, 3);
    }

    private static Map<String, float[]> snapshot(TrainingModels models) {
        Map<String, float[]> out = new LinkedHashMap<>();
        Map<String, Parameter> all = new LinkedHashMap<>(models.generatorParameters());
        all.putAll(models.discriminatorParameters());
        all.forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
        for (int i = 0; i < models.runningStatistics().size(); i++) {
            out.put("running statistic " + i, models.runningStatistics().get(i).getArray().toFloatArray());
        }
        return out;
    }

    private static float[] image(float value) {
        float[] x = new float[3 * 32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.37) * 0.8f;
        }
        x[5] = value;
        return x;
    }

    @Test
    void aNonFiniteStepChangesNoWeightAndTheNextFiniteStepTrains() {
        try (TrainingModels models = new TrainingModels(tiny(), Device.cpu())) {
            GdwctTrainer trainer = new GdwctTrainer(tiny(), models);
            Shape shape = new Shape(1, 3, 32, 32);
            Map<String, float[]> before = snapshot(models);
            try (NDManager step = models.manager().newSubManager()) {
                trainer.step(step.create(image(Float.NaN), shape), step.create(image(0.5f), shape), 0, step);
            }
            Map<String, float[]> after = snapshot(models);
            for (String k : before.keySet()) {
                assertArrayEquals(before.get(k), after.get(k), k + " changed in a step with a NaN input");
            }
            assertEquals(2, trainer.skippedUpdates()); // the D update and the G update
            try (NDManager step = models.manager().newSubManager()) {
                trainer.step(step.create(image(0.5f), shape), step.create(image(0.5f), shape), 1, step);
            }
            Map<String, float[]> trained = snapshot(models);
            assertEquals(2, trainer.skippedUpdates());
            long changed = before.keySet().stream().filter(k -> !Arrays.equals(before.get(k), trained.get(k))).count();
            assertTrue(changed > before.size() / 2, "a finite step after the skipped one updates the weights: " + changed);
            assertTrue(trained.values().stream().allMatch(v -> {
                for (float f : v) {
                    if (!Float.isFinite(f)) {
                        return false;
                    }
                }
                return true;
            }), "no weight holds a NaN");
        }
    }

    @Test
    void stepsThatKeepFailingStopTheRun() {
        try (TrainingModels models = new TrainingModels(tiny(), Device.cpu())) {
            GdwctTrainer trainer = new GdwctTrainer(tiny(), models);
            Shape shape = new Shape(1, 3, 32, 32);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    try (NDManager step = models.manager().newSubManager()) {
                        trainer.step(step.create(image(Float.POSITIVE_INFINITY), shape), step.create(image(0f), shape), i, step);
                    }
                }
            });
            // D's and G's skipped updates count in one sequence: the 21st in a row is D's of iteration 11
            assertTrue(e.getMessage().startsWith("training diverged at iteration 11: 21 updates in a row"), e.getMessage());
        }
    }

    @Test
    void firstNonFiniteGradientNamesTheParameterAndClearingZeroesNaN() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter good = Parameter.builder().setName("good").setType(Parameter.Type.WEIGHT).build();
            Parameter bad = Parameter.builder().setName("bad").setType(Parameter.Type.WEIGHT).build();
            good.setArray(m.create(new float[] {1, 2, 3}));
            bad.setArray(m.create(new float[] {1, 2}));
            Map<String, Parameter> ps = new LinkedHashMap<>();
            ps.put("good", good);
            ps.put("bad", bad);
            try (AdamOptimizer opt = new AdamOptimizer(m, ps, 0.5, 0.999, 0)) {
                good.getArray().setRequiresGradient(true);
                bad.getArray().setRequiresGradient(true);
                try (ai.djl.training.GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray loss = good.getArray().sum().add(bad.getArray().mul(m.create(new float[] {Float.NaN, 1})).sum());
                    gc.backward(loss);
                }
                assertEquals("bad", opt.firstNonFiniteGradient(m));
                opt.clearGradients(m);
                assertNull(opt.firstNonFiniteGradient(m));
                assertArrayEquals(new float[] {0, 0}, bad.getArray().getGradient().toFloatArray());
                assertEquals(DataType.FLOAT32, bad.getArray().getGradient().getDataType());
            }
        }
    }
}
