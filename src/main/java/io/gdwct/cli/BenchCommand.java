package io.gdwct.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.core.Strength;
import io.gdwct.core.Translation;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctConfig;
import io.gdwct.model.GdwctModel;
import io.gdwct.model.ModelInfo;
import io.gdwct.model.nn.Generator;
import io.gdwct.model.nn.NoGrad;
import io.gdwct.training.GdwctTrainer;
import io.gdwct.training.TrainingConfig;
import io.gdwct.training.TrainingModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures what the benchmarks document reports: the translation forward pass (content encoder,
 * style encoder, decoder) at given sizes, or one training iteration, as the median of N runs
 * after warm-up. Random weights unless --model is given: speed does not depend on their values.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time translation forward passes (default) or training iterations (--train).")
public class BenchCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model directory to time (default: random weights of the given size).")
    Path model;
    @Option(names = "--conv-dim", defaultValue = "64", description = "Random model: channels of the first convolution. Default: ${DEFAULT-VALUE}.") int convDim;
    @Option(names = "--n-group", defaultValue = "8", description = "Random model: groups per GDWCT module. Default: ${DEFAULT-VALUE}.") int nGroup;
    @Option(names = "--mlp-dim", defaultValue = "256", description = "Random model: width of the style MLP. Default: ${DEFAULT-VALUE}.") int mlpDim;
    @Option(names = "--res-blocks", defaultValue = "8", description = "Random model: residual blocks. Default: ${DEFAULT-VALUE}.") int resBlocks;
    @Option(names = "--sizes", split = ",", defaultValue = "216,256", description = "Square input sizes. Default: ${DEFAULT-VALUE}.")
    List<Integer> sizes;
    @Option(names = "--runs", defaultValue = "10", description = "Timed runs per size; the median is reported. Default: ${DEFAULT-VALUE}.") int runs;
    @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs before them. Default: ${DEFAULT-VALUE}.") int warmup;
    @Mixin
    DeviceOption device = new DeviceOption();
    @Option(names = "--train", description = "Time training iterations instead (uses --preset, --batch-size).")
    boolean train;
    @Option(names = "--preset", defaultValue = "official", description = "With --train: official or cpu-small. Default: ${DEFAULT-VALUE}.") String preset;
    @Option(names = "--batch-size", defaultValue = "1", description = "With --train: images per domain per iteration. Default: ${DEFAULT-VALUE}.") int batchSize;

    @Override
    public Integer call() throws Exception {
        Device dev = device.select();
        System.out.printf("threads: intra-op %s, device %s, %d cores%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"), dev, Runtime.getRuntime().availableProcessors());
        if (train) {
            benchTraining(dev);
        } else {
            benchForward(dev);
        }
        return 0;
    }

    private void benchForward(Device dev) throws Exception {
        GdwctConfig cfg = GdwctConfig.generator(convDim, nGroup, mlpDim, resBlocks);
        try (NDManager root = NDManager.newBaseManager(dev);
                GdwctModel m = model != null ? GdwctModel.load(model, dev) : random(cfg, root);
                NoGrad ng = new NoGrad()) {
            System.out.printf("model: %s%n", m.config());
            for (int size : sizes) {
                List<Double> ms = new ArrayList<>();
                for (int r = 0; r < warmup + runs; r++) {
                    try (NDManager s = root.newSubManager()) {
                        NDArray x = s.randomUniform(-1f, 1f, new Shape(1, 3, size, size));
                        NDArray y = s.randomUniform(-1f, 1f, new Shape(1, 3, size, size));
                        long t0 = System.nanoTime();
                        NDArray out = Translation.forward(m, x, y, Direction.A2B, Strength.FULL, false).image();
                        out.toFloatArray(); // forces completion on any device
                        if (r >= warmup) {
                            ms.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                }
                report(size + "x" + size + " forward", ms);
            }
        }
    }

    private void benchTraining(Device dev) {
        TrainingConfig c = TrainingConfig.preset(preset);
        int size = sizes.size() == 1 ? sizes.get(0) : c.imageSize();
        System.out.printf("training: preset %s, model %s, %dx%d, batch %d%n", preset, c.model(), size, size, batchSize);
        try (TrainingModels models = new TrainingModels(c, dev)) {
            GdwctTrainer trainer = new GdwctTrainer(c, models);
            List<Double> ms = new ArrayList<>();
            for (int r = 0; r < warmup + runs; r++) {
                try (NDManager s = models.manager().newSubManager()) {
                    Shape shape = new Shape(batchSize, 3, size, size);
                    NDArray a = s.randomUniform(-1f, 1f, shape);
                    NDArray b = s.randomUniform(-1f, 1f, shape);
                    long t0 = System.nanoTime();
                    Map<String, Double> losses = trainer.step(a, b, r, s);
                    if (r >= warmup) {
                        ms.add((System.nanoTime() - t0) / 1e6);
                    }
                    if (!Double.isFinite(losses.get("g_total"))) {
                        throw new IllegalStateException("non-finite loss in benchmark iteration " + r);
                    }
                }
            }
            report("training iteration", ms);
        }
    }

    private static GdwctModel random(GdwctConfig cfg, NDManager root) {
        Engine.getEngine("PyTorch").setRandomSeed(1);
        NDManager m = root.newSubManager();
        Generator a = new Generator(cfg);
        Generator b = new Generator(cfg);
        a.initializeAll(m);
        b.initializeAll(m);
        // frozen like a loaded model (GdwctModel.load), so the serving path's cached folds and α are timed
        a.freeze();
        b.freeze();
        return GdwctModel.of(ModelInfo.of(cfg, "A", "B", Map.of("source", "random weights (benchmark)")), m, a, b);
    }

    private void report(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("%s: median %.1f ms, min %.1f ms, max %.1f ms over %d runs (after %d warm-up)%n",
                what, median, sorted.get(0), sorted.get(sorted.size() - 1), ms.size(), warmup);
    }
}
