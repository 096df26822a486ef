package io.gdwct.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.GdwctConfig;
import java.util.Map;

/** The generator loss terms of a fresh float64 tiny model on one 32×32 pair, for the added-loss tests. */
final class TinyGeneratorLoss {
    private TinyGeneratorLoss() {}

    /**
     * @param a (1, 3, 32, 32) domain-A image, row-major, in [-1, 1]
     * @param b the domain-B image
     * @return {@link GdwctTrainer.GeneratorLoss#values()}; the same models and inputs for any weights
     */
    static Map<String, Double> values(double lambdaStructure, double lambdaTexture, double[] a, double[] b) {
        TrainingConfig cfg = new TrainingConfig(new GdwctConfig(4, 2, 8, 2, 4, 3, 2), 5, 1, 32, 32, 1, 1,
                1e-3, 1e-3, 0.5, 0.999, 1e-4, 5, 10, 0.5, 10, 10, 1, 1, 0.001, 10,
                lambdaStructure, lambdaTexture, 0, 10, 10, 1, 3);
        try (TrainingModels models = new TrainingModels(cfg, Device.cpu(), DataType.FLOAT64);
                NDManager step = models.manager().newSubManager()) {
            Shape shape = new Shape(1, 3, 32, 32);
            GdwctTrainer trainer = new GdwctTrainer(cfg, models);
            NDArray xA = step.create(a, shape);
            NDArray xB = step.create(b, shape);
            GdwctTrainer.GeneratorLoss g = trainer.generatorLoss(trainer.stage1(xA, xB), xA, xB);
            if ((lambdaStructure == 0) != (g.structure() == null) || (lambdaTexture == 0) != (g.texture() == null)) {
                throw new AssertionError("an added term is computed exactly when its weight is positive");
            }
            return g.values();
        }
    }
}
