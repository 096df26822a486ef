package io.gdwct.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.checkpoint.NpyReader;
import io.gdwct.model.checkpoint.TorchCheckpointReader;
import io.gdwct.model.nn.Generator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Loads the official GDWCT parity fixtures copied into src/test/resources/official. */
public final class OfficialFixtures {
    public static final Path ROOT = Path.of("src/test/resources/official");

    /** conv_dim 8, G 4, mlp 16, 8 residual blocks; D 8 × 4 layers × 3 scales (tiny/meta.json). */
    public static final GdwctConfig TINY = new GdwctConfig(8, 4, 16, 8, 8, 4, 3);

    private OfficialFixtures() {}

    public static Path dir(String name) {
        return ROOT.resolve(name);
    }

    public static Map<String, HostTensor> stateDict(String fixture, String file) throws IOException {
        return TorchCheckpointReader.read(dir(fixture).resolve(file));
    }

    public static Generator generator(NDManager manager, String fixture, String file) throws IOException {
        Generator g = new Generator(TINY);
        g.initializeAll(manager);
        StateDicts.load(g, stateDict(fixture, file), file);
        return g;
    }

    public static HostTensor npy(String fixture, String file) throws IOException {
        return NpyReader.read(dir(fixture).resolve(file));
    }

    public static NDArray array(NDManager manager, HostTensor t) {
        return manager.create(t.data(), new Shape(t.shape()));
    }

    public static NDArray array(NDManager manager, String fixture, String file) throws IOException {
        return array(manager, npy(fixture, file));
    }

    /** Max |a − b| ≤ 1e-4 · max(1, max |reference|): float32 through different kernels. */
    public static double tolerance(float[] reference) {
        double m = 1;
        for (float v : reference) {
            m = Math.max(m, Math.abs(v));
        }
        return 1e-4 * m;
    }

    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("sizes differ: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
