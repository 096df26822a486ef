package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.gdwct.model.GdwctConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Style encoder ({@code model.py} l.30-53): Conv7×7 (no norm) then four stride-2 Conv4×4 with
 * GroupNorm(G), all ReLU, then a global average pool. Its group count is tied to the GDWCT G.
 *
 * <p>Input (B, 3, H, W) with H, W ≥ 16 (reflection padding of the last layer needs H/8 ≥ 2);
 * output the style code (B, C, 1, 1).
 */
public final class StyleEncoder extends GdwctBlock {
    private final List<ConvBlock> convs = new ArrayList<>();

    public StyleEncoder(GdwctConfig cfg) {
        int dim = cfg.convDim();
        int g = cfg.nGroup();
        ConvBlock.Norm gn = ConvBlock.Norm.GROUP;
        convs.add(child("main.0", new ConvBlock(3, dim, 7, 1, 3, ConvBlock.Norm.NONE, g, Activation.RELU, Inits.kaimingFanIn())));
        for (int i = 0; i < 2; i++) {
            convs.add(child("main." + (i + 1), new ConvBlock(dim, dim * 2, 4, 2, 1, gn, g, Activation.RELU, Inits.kaimingFanIn())));
            dim *= 2;
        }
        for (int i = 0; i < 2; i++) {
            convs.add(child("main." + (i + 3), new ConvBlock(dim, dim, 4, 2, 1, gn, g, Activation.RELU, Inits.kaimingFanIn())));
        }
    }

    /** @param x (B, 3, H, W) @return (B, C, 1, 1) */
    public NDArray encode(NDArray x) {
        NDArray y = x;
        for (ConvBlock c : convs) {
            y = c.forward(y, false, 0);
        }
        long b = y.getShape().get(0);
        long c = y.getShape().get(1);
        return NdOps.mean(y, new int[] {2, 3}, false).reshape(b, c, 1, 1);
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(encode(inputs.singletonOrThrow()));
    }
}
