package io.gdwct.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Helpers of the tests that compare a faster form of an op with its reference formulation. */
final class Equivalence {
    private Equivalence() {}

    /** max |a − b| / max |b|, after checking that the shapes agree. */
    static double relDiff(NDArray a, NDArray b) {
        assertArrayEquals(b.getShape().getShape(), a.getShape().getShape());
        double scale = b.abs().max().toType(DataType.FLOAT64, false).getDouble();
        return a.sub(b).abs().max().toType(DataType.FLOAT64, false).getDouble() / scale;
    }

    /** Asserts {@link #relDiff}(actual, expected) ≤ limit. */
    static void assertAtMost(double limit, NDArray actual, NDArray expected, String what) {
        double d = relDiff(actual, expected);
        assertTrue(d <= limit, what + ": relative max diff " + d);
    }

    /** A stride-1 ConvBlock with "same" padding (k / 2), initialised with random weights. */
    static ConvBlock block(NDManager m, int in, int out, int k, ConvBlock.Norm norm, Activation activation) {
        ConvBlock b = new ConvBlock(in, out, k, 1, k / 2, norm, 1, activation, Inits.kaimingFanIn());
        b.initializeAll(m);
        return b;
    }

    /** The array in float64. */
    static NDArray f64(NDArray a) {
        return a.toType(DataType.FLOAT64, false);
    }
}
