package io.gdwct.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.nn.NdOps;
import java.util.Locale;
import java.util.Random;
import org.jboss.logging.Logger;

/**
 * Checks once per process that the CPU's float32 convolutions are right, before anything is
 * translated or trained on the CPU.
 *
 * <p>Why: libtorch's oneDNN (2.5.1 and 2.7.1) computes some float32 convolutions wrongly on an
 * AVX-512 AMD EPYC (2–25 % off, deterministically; forward and gradients) unless
 * {@code ONEDNN_MAX_CPU_ISA=SSE41} is set before the process starts. {@code bin/gdwct} sets it on
 * AVX-512 CPUs, but a container or a bare {@code java -jar} may not, and then the service would
 * return wrong pixels and training would diverge, silently. A few small convolutions against
 * float64 (which oneDNN does not handle) tell in a few milliseconds.
 *
 * <p>The environment variable {@code GDWCT_CONVOLUTION_CHECK}: {@code fail} (default) refuses to go
 * on, {@code warn} logs and goes on, {@code off} skips the check. (An environment variable, not a
 * {@code gdwct.*} system property: Quarkus refuses unknown properties under its config roots.)
 */
public final class ConvolutionCheck {
    private static final Logger LOG = Logger.getLogger(ConvolutionCheck.class);
    /** Relative error that float32 rounding never reaches on these shapes (it stays near 1e-7). */
    static final double TOLERANCE = 1e-4;
    /** (in, out, kernel, stride, side): shapes found wrong above SSE4.1 (docs/implementation-notes.md). */
    private static final int[][] SHAPES = {{20, 12, 4, 1, 16}, {20, 12, 5, 2, 16}, {64, 12, 4, 1, 17},
        {20, 16, 4, 2, 16}, {3, 12, 4, 1, 16}, {16, 3, 4, 1, 16}};
    private static volatile Double measured;

    private ConvolutionCheck() {}

    /** Runs the check the first time; applies the policy of {@code GDWCT_CONVOLUTION_CHECK}. */
    public static void ensureCorrect() {
        ensureCorrect(System.getenv().getOrDefault("GDWCT_CONVOLUTION_CHECK", "fail"));
    }

    static void ensureCorrect(String policy) {
        String mode = policy.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("fail") && !mode.equals("warn") && !mode.equals("off")) {
            throw new IllegalArgumentException("GDWCT_CONVOLUTION_CHECK must be fail, warn or off, got '" + mode + "'");
        }
        if (mode.equals("off")) {
            return;
        }
        double error = worstRelativeError();
        String problem = verdict(error);
        if (problem == null) {
            return;
        }
        if (mode.equals("fail")) {
            throw new IllegalStateException(problem);
        }
        LOG.error(problem + " Going on because GDWCT_CONVOLUTION_CHECK=warn.");
    }

    /** Null when {@code relativeError} is rounding; else the message that says what to do. */
    static String verdict(double relativeError) {
        if (relativeError < TOLERANCE) {
            return null;
        }
        return String.format(Locale.ROOT, "float32 convolutions on this CPU are wrong (%.2g relative to float64;"
                + " a known oneDNN fault on some AVX-512 CPUs): restart with the environment variable"
                + " ONEDNN_MAX_CPU_ISA=SSE41 (bin/gdwct sets it on AVX-512 CPUs; the container image sets it)."
                + " Value now: %s.", relativeError, System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "unset"));
    }

    /** The largest relative error of float32 against float64 over the probe shapes (measured once). */
    static double worstRelativeError() {
        Double m = measured;
        if (m == null) {
            synchronized (ConvolutionCheck.class) {
                if (measured == null) {
                    long t0 = System.nanoTime();
                    measured = measure();
                    LOG.debugf("Convolution check: %.2g relative error in %.1f ms", measured, (System.nanoTime() - t0) / 1e6);
                }
                m = measured;
            }
        }
        return m;
    }

    private static double measure() {
        double worst = 0;
        try (NDManager mgr = NDManager.newBaseManager(Device.cpu(), Engine.getEngine("PyTorch").getEngineName())) {
            Random rnd = new Random(1);
            for (int[] s : SHAPES) {
                NDArray w = random(mgr, rnd, new Shape(s[1], s[0], s[2], s[2]));
                NDArray b = random(mgr, rnd, new Shape(s[1]));
                NDArray x = random(mgr, rnd, new Shape(1, s[0], s[4], s[4]));
                NDArray y32 = NdOps.conv2d(x, w, b, s[3]).toType(DataType.FLOAT64, false);
                NDArray y64 = NdOps.conv2d(x.toType(DataType.FLOAT64, false), w.toType(DataType.FLOAT64, false),
                        b.toType(DataType.FLOAT64, false), s[3]);
                double rel = y32.sub(y64).abs().max().getDouble() / y64.abs().max().getDouble();
                worst = Math.max(worst, Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel);
            }
        }
        return worst;
    }

    /** Standard normal values from a Java generator: independent of the engine's random state. */
    private static NDArray random(NDManager mgr, Random rnd, Shape shape) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return mgr.create(v, shape);
    }
}
