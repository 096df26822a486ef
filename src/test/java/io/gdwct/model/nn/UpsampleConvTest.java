package io.gdwct.model.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sub-pixel upsample-conv equals "upsample ×2 nearest, reflect pad 2, conv 5×5" everywhere, border included. */
class UpsampleConvTest {

    @ParameterizedTest(name = "{0}x{1}x{2}x{3} → {4}")
    @CsvSource({"1, 6, 13, 17, 5", "2, 6, 13, 17, 5", "1, 8, 16, 16, 4", "1, 3, 2, 2, 2", "1, 4, 2, 7, 3",
            "1, 4, 3, 3, 3", "1, 5, 9, 4, 7", "2, 16, 32, 24, 8"})
    void equalsTheOriginalFormulation(int b, int cin, int h, int w, int cout) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(h * 31 + w);
            NDArray x = m.randomNormal(new Shape(b, cin, h, w));
            NDArray weight = m.randomNormal(new Shape(cout, cin, 5, 5));
            NDArray bias = m.randomNormal(new Shape(cout));
            Equivalence.assertAtMost(1e-5, UpsampleConv.apply(x, weight, bias), UpsampleConv.reference(x, weight, bias), "float32");
            NDArray x64 = Equivalence.f64(x);
            NDArray w64 = Equivalence.f64(weight);
            NDArray b64 = Equivalence.f64(bias);
            Equivalence.assertAtMost(1e-12, UpsampleConv.apply(x64, w64, b64), UpsampleConv.reference(x64, w64, b64), "float64");
        }
    }

    @Test
    void theBlockMatchesWithFrozenCachedAndWithChangingWeights() {
        try (NDManager m = NDManager.newBaseManager(); NoGrad ng = new NoGrad()) {
            Engine.getEngine("PyTorch").setRandomSeed(7);
            ConvBlock block = Equivalence.block(m, 6, 4, 5, ConvBlock.Norm.LAYER, Activation.RELU);
            UpsampleConv up = new UpsampleConv(block);
            NDArray x = m.randomNormal(new Shape(1, 6, 11, 14));

            // not frozen: folded per call, follows in-place weight updates
            assertTrue(Equivalence.relDiff(up.forward(x, false), block.forward(NdOps.upsample2x(x), false, 0)) <= 1e-5);
            NDArray wArr = block.conv().weight().getArray();
            wArr.set(m.randomNormal(wArr.getShape()).toFloatArray());
            assertTrue(Equivalence.relDiff(up.forward(x, false), block.forward(NdOps.upsample2x(x), false, 0)) <= 1e-5);

            // frozen: folded once, reused
            for (Parameter p : block.namedParameters().values()) {
                p.freeze(true);
            }
            NDArray first = up.forward(x, false);
            assertTrue(Equivalence.relDiff(first, block.forward(NdOps.upsample2x(x), false, 0)) <= 1e-5);
            assertTrue(Equivalence.relDiff(up.forward(x, false), first) == 0);

            // training: the original path
            assertTrue(Equivalence.relDiff(up.forward(x, true), block.forward(NdOps.upsample2x(x), true, 0)) == 0);
        }
    }

    @Test
    void gradientsThroughThePerCallFoldMatchTheOriginal() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(3);
            NDArray x = m.randomNormal(new Shape(1, 3, 5, 6));
            NDArray weight = m.randomNormal(new Shape(2, 3, 5, 5));
            NDArray bias = m.randomNormal(new Shape(2));
            NDArray r = m.randomNormal(new Shape(1, 2, 10, 12));
            NDArray[] fast = gradients(x, weight, bias, r, true);
            NDArray[] ref = gradients(x, weight, bias, r, false);
            for (int i = 0; i < 3; i++) {
                double d = Equivalence.relDiff(fast[i], ref[i]);
                assertTrue(d <= 1e-5, "gradient " + i + ": " + d);
            }
        }
    }

    private static NDArray[] gradients(NDArray x0, NDArray w0, NDArray b0, NDArray r, boolean fast) {
        NDArray x = x0.duplicate();
        NDArray w = w0.duplicate();
        NDArray b = b0.duplicate();
        for (NDArray a : new NDArray[] {x, w, b}) {
            a.setRequiresGradient(true);
        }
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray y = fast ? UpsampleConv.apply(x, w, b) : UpsampleConv.reference(x, w, b);
            gc.backward(y.mul(r).sum());
        }
        return new NDArray[] {x.getGradient(), w.getGradient(), b.getGradient()};
    }
}
