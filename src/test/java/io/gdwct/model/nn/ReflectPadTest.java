package io.gdwct.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NdOps#reflectPad} against the definition of {@code torch.nn.ReflectionPad2d(p)}, in plain
 * loops: output (i, j) reads input (r(i − p, H), r(j − p, W)) with r(k, n) = |k| mirrored at both
 * ends without repeating the edge (−k below 0, 2(n − 1) − k from n on).
 */
class ReflectPadTest {

    @ParameterizedTest(name = "B {0}, C {1}, p {2}, {3}x{4}")
    @CsvSource({"1, 1, 1, 2, 2", "1, 1, 2, 3, 3", "1, 1, 3, 4, 4", "2, 3, 1, 5, 5", "2, 3, 2, 6, 9",
            "2, 3, 3, 7, 4", "1, 2, 2, 8, 3", "3, 2, 3, 4, 11", "2, 4, 1, 2, 7"})
    void valuesAreTorchReflectionPad2d(int b, int c, int p, int h, int w) {
        double[] x = random(b * c * h * w, 31L * h + w + p);
        double[] expected = pad(x, b, c, h, w, p);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y64 = NdOps.reflectPad(m.create(x, new Shape(b, c, h, w)), p);
            assertArrayEquals(new long[] {b, c, h + 2L * p, w + 2L * p}, y64.getShape().getShape());
            assertArrayEquals(expected, y64.toDoubleArray(), 0.0, "float64");

            float[] xf = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                xf[i] = (float) x[i];
            }
            float[] yf = NdOps.reflectPad(m.create(xf, new Shape(b, c, h, w)), p).toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertTrue((float) expected[i] == yf[i], "float32 at " + i);
            }
        }
    }

    @ParameterizedTest(name = "B {0}, C {1}, p {2}, {3}x{4}")
    @CsvSource({"1, 1, 1, 2, 2", "1, 1, 3, 4, 4", "2, 3, 1, 5, 5", "2, 3, 2, 6, 9", "2, 3, 3, 7, 4", "3, 2, 3, 4, 11"})
    void gradientAccumulatesEveryReflectedPosition(int b, int c, int p, int h, int w) {
        int hp = h + 2 * p;
        int wp = w + 2 * p;
        double[] x = random(b * c * h * w, 7L * h + w);
        double[] weights = random(b * c * hp * wp, 13L * h + w + p);
        // d/dx sum(w ⊙ pad(x)): each input pixel collects the weight of every output that reads it
        double[] expected = new double[x.length];
        for (int n = 0; n < b * c; n++) {
            for (int i = 0; i < hp; i++) {
                for (int j = 0; j < wp; j++) {
                    expected[(n * h + reflect(i - p, h)) * w + reflect(j - p, w)] += weights[(n * hp + i) * wp + j];
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xa = m.create(x, new Shape(b, c, h, w));
            NDArray wa = m.create(weights, new Shape(b, c, hp, wp));
            xa.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(NdOps.reflectPad(xa, p).mul(wa).sum());
            }
            assertArrayEquals(expected, xa.getGradient().toDoubleArray(), 1e-12);
        }
    }

    @Test
    void paddingZeroIsTheInputItself() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(1, 1, 1, 1));
            assertSame(x, NdOps.reflectPad(x, 0));
        }
    }

    @ParameterizedTest(name = "{0}x{1}, p {2}")
    @CsvSource({"3, 3, 3", "2, 8, 2", "8, 2, 2", "1, 5, 1", "4, 4, 5"})
    void aMapTooSmallForThePaddingIsAClearError(int h, int w, int p) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.zeros(new Shape(1, 2, h, w));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NdOps.reflectPad(x, p));
            assertTrue(e.getMessage().contains("feature map " + h + "x" + w + " is too small for reflection padding " + p),
                    e.getMessage());
            assertTrue(e.getMessage().contains("input image is too small"), e.getMessage());
        }
    }

    /** torch's reflection of index k into [0, n), for −n < k < 2n − 1. */
    private static int reflect(int k, int n) {
        if (k < 0) {
            return -k;
        }
        return k >= n ? 2 * (n - 1) - k : k;
    }

    /** ReflectionPad2d(p) of x (b, c, h, w), row-major, by its definition. */
    private static double[] pad(double[] x, int b, int c, int h, int w, int p) {
        int hp = h + 2 * p;
        int wp = w + 2 * p;
        double[] y = new double[b * c * hp * wp];
        for (int n = 0; n < b * c; n++) {
            for (int i = 0; i < hp; i++) {
                for (int j = 0; j < wp; j++) {
                    y[(n * hp + i) * wp + j] = x[(n * h + reflect(i - p, h)) * w + reflect(j - p, w)];
                }
            }
        }
        return y;
    }

    private static double[] random(int n, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }
}
