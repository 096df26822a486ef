package io.gdwct.api;

import ai.djl.nn.Parameter;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.GdwctConfig;
import io.gdwct.model.ModelDirectory;
import io.gdwct.model.ModelInfo;
import io.gdwct.model.nn.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Model folders for the service tests, built on first use under {@code target/test-models} (nothing
 * binary is checked in): a tiny random-weight GDWCT (conv_dim 4, 2 groups, MLP 8, 2 residual blocks),
 * which runs in milliseconds and exercises every layer.
 */
public final class TestModels {
    public static final GdwctConfig TINY = new GdwctConfig(4, 2, 8, 2, 4, 3, 2);
    /** The size of train's cpu-small preset: a realistic CPU inference cost for load tests. */
    public static final GdwctConfig CPU_SMALL = new GdwctConfig(16, 4, 128, 8, 16, 4, 3);
    private static final Path ROOT = Path.of("target", "test-models").toAbsolutePath();

    private TestModels() {}

    /** A models folder holding one loadable model named {@code default}. */
    public static synchronized Path tinyModels() {
        Path root = ROOT.resolve("tiny");
        Path model = root.resolve("default");
        if (!ModelDirectory.isModelDirectory(model)) {
            write(model);
        }
        return root;
    }

    /** A models folder with no model at all. */
    public static synchronized Path emptyModels() {
        return mkdirs(ROOT.resolve("empty"));
    }

    /** A models folder with one broken model ({@code default}: model.json is not JSON). */
    public static synchronized Path brokenModels() {
        Path dir = mkdirs(ROOT.resolve("broken").resolve("default"));
        try {
            Files.writeString(dir.resolve(ModelDirectory.INFO_FILE), "this is not json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.getParent();
    }

    /** A fresh, empty folder for multipart uploads, so a test can check that nothing is left in it. */
    public static Path newUploadsDir() {
        try {
            return Files.createTempDirectory("gdwct-test-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a random-weight model folder, for the load test ({@link LoadGenerator}):
     * {@code java -cp ... io.gdwct.api.TestModels OUT_DIR [cpu-small|tiny]}.
     */
    public static void main(String[] args) {
        GdwctConfig config = args.length > 1 && args[1].equals("tiny") ? TINY : CPU_SMALL;
        write(Path.of(args[0]), config);
        System.out.println("wrote " + args[0] + " " + config);
    }

    private static void write(Path dir) {
        write(dir, TINY);
    }

    /**
     * Writes random weights without touching the PyTorch engine: this runs while Quarkus builds a
     * test profile, outside the application's class loader, and loading libtorch there would bind
     * its JNI libraries to the wrong loader ("Failed to load PyTorch native library" in the app).
     * Shapes come from the blocks' declarations; values follow the official initialisation.
     */
    private static void write(Path dir, GdwctConfig config) {
        try {
            ModelInfo info = ModelInfo.of(config, "photo", "painting",
                    Map.of("source", "random weights for tests", "dataA", Map.of("folder", "/secret/data/photos")));
            ModelDirectory.write(dir, info, randomWeights(new Generator(config), 1), randomWeights(new Generator(config), 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinkedHashMap<String, HostTensor> randomWeights(Generator g, long seed) {
        Random rng = new Random(seed);
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : g.namedParameters().entrySet()) {
            long[] shape = e.getValue().getShape().getShape();
            float[] v = new float[Math.toIntExact(e.getValue().getShape().size())];
            switch (e.getValue().getType()) {
                case WEIGHT -> {
                    double std = Math.sqrt(2.0 * shape[0] / v.length); // kaiming, fan_in = size / out
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (rng.nextGaussian() * std);
                    }
                }
                case GAMMA, RUNNING_VAR -> Arrays.fill(v, 1f);
                case OTHER -> Arrays.fill(v, 0.6f); // GDWCT alpha
                default -> { } // biases, betas, running means: 0
            }
            out.put(e.getKey(), HostTensor.ofFloat32(shape, v));
        }
        return out;
    }

    private static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
