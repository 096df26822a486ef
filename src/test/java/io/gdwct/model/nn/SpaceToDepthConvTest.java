package io.gdwct.model.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The space-to-depth form equals the reflect-padded k×k convolution. */
class SpaceToDepthConvTest {

    @ParameterizedTest(name = "{0}x{1}x{2}x{3} → {4}, k {5}")
    @CsvSource({"1, 16, 32, 32, 3, 7", "2, 5, 12, 18, 3, 7", "1, 4, 26, 14, 6, 7", "1, 3, 10, 8, 2, 5",
            "1, 3, 8, 6, 4, 3", "1, 2, 4, 4, 1, 1"})
    void equalsTheDirectConvolution(int b, int cin, int h, int w, int cout, int k) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(h * 31 + w + k);
            NDArray weight = m.randomNormal(new Shape(cout, cin, k, k));
            NDArray bias = m.randomNormal(new Shape(cout));
            NDArray fw = FoldedKernel.applyTapMap(weight, SpaceToDepthConv.tapMap(k), 4, k / 2 + 1);
            NDArray fb = FoldedKernel.repeatBias4(bias);
            NDArray padded = NdOps.reflectPad(m.randomNormal(new Shape(b, cin, h, w)), k / 2);
            Equivalence.assertAtMost(1e-5, SpaceToDepthConv.apply(padded, fw, fb), NdOps.conv2d(padded, weight, bias, 1), "float32");
            NDArray p64 = Equivalence.f64(padded);
            NDArray w64 = Equivalence.f64(weight);
            NDArray fw64 = FoldedKernel.applyTapMap(w64, SpaceToDepthConv.tapMap(k), 4, k / 2 + 1);
            NDArray b64 = Equivalence.f64(bias);
            Equivalence.assertAtMost(1e-12, SpaceToDepthConv.apply(p64, fw64, FoldedKernel.repeatBias4(b64)),
                    NdOps.conv2d(p64, w64, b64, 1), "float64");
        }
    }

    @Test
    void theBlockMatchesFrozenOrNotAndAtOddSizes() {
        try (NDManager m = NDManager.newBaseManager(); NoGrad ng = new NoGrad()) {
            Engine.getEngine("PyTorch").setRandomSeed(5);
            ConvBlock block = Equivalence.block(m, 8, 3, 7, ConvBlock.Norm.NONE, Activation.TANH);
            SpaceToDepthConv conv = new SpaceToDepthConv(block, 7);
            NDArray even = m.randomNormal(new Shape(1, 8, 20, 12));
            NDArray odd = m.randomNormal(new Shape(1, 8, 13, 12));

            assertTrue(Equivalence.relDiff(conv.forward(even, false), block.forward(even, false, 0)) <= 1e-5);
            for (Parameter p : block.namedParameters().values()) {
                p.freeze(true);
            }
            NDArray first = conv.forward(even, false);
            assertTrue(Equivalence.relDiff(first, block.forward(even, false, 0)) <= 1e-5);
            assertTrue(Equivalence.relDiff(conv.forward(even, false), first) == 0);
            assertTrue(Equivalence.relDiff(conv.forward(odd, false), block.forward(odd, false, 0)) == 0);
            assertTrue(Equivalence.relDiff(conv.forward(even, true), block.forward(even, true, 0)) == 0);
        }
    }
}
