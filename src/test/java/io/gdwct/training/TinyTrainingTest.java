package io.gdwct.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.GdwctConfig;
import io.gdwct.training.data.Augmentation;
import io.gdwct.training.data.Batch;
import io.gdwct.training.data.UnpairedBatchLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tiny model trained for a few dozen iterations on real images learns: finite losses, falling reconstruction. */
class TinyTrainingTest {

    static TrainingConfig tiny(long iterations) {
        return new TrainingConfig(new GdwctConfig(4, 2, 8, 2, 4, 3, 2), iterations, 2, 32, 32, 1, 1,
                1e-3, 1e-3, 0.5, 0.999, 1e-4, iterations, 10, 0.5, 10, 10, 1, 1, 0.001, 10, 0, 0, 0, 10, 10, 1, 3);
    }

    @Test
    void lossesStayFiniteAndReconstructionFalls() throws Exception {
        TrainingConfig cfg = tiny(40);
        List<Double> rec = new ArrayList<>();
        try (TrainingModels models = new TrainingModels(cfg, Device.cpu());
                UnpairedBatchLoader loader = UnpairedBatchLoader.open(Path.of("src/test/resources/images"),
                        Path.of("src/test/resources/images"), 2, Augmentation.of(32), 3, 0)) {
            GdwctTrainer trainer = new GdwctTrainer(cfg, models);
            for (long i = 0; i < cfg.iterations(); i++) {
                Batch b = loader.next();
                try (NDManager step = models.manager().newSubManager()) {
                    NDArray xA = step.create(b.a(), new Shape(b.shape()));
                    NDArray xB = step.create(b.b(), new Shape(b.shape()));
                    Map<String, Double> losses = trainer.step(xA, xB, i, step);
                    for (Map.Entry<String, Double> e : losses.entrySet()) {
                        assertTrue(Double.isFinite(e.getValue()), "iteration " + i + ": " + e.getKey() + " = " + e.getValue());
                    }
                    rec.add(losses.get("ae_rec"));
                }
            }
        }
        double first = rec.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = rec.subList(rec.size() - 5, rec.size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(last < 0.8 * first, "self-reconstruction should fall: first 5 " + first + ", last 5 " + last);
    }
}
