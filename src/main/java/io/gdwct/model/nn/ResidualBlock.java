package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * x + [ConvBlock(3×3, norm, ReLU) → ConvBlock(3×3, norm, no activation)] ({@code model.py}
 * l.201-211). Children {@code main.0}, {@code main.1}.
 */
public final class ResidualBlock extends GdwctBlock {
    private final ConvBlock first;
    private final ConvBlock second;

    public ResidualBlock(int dim, ConvBlock.Norm norm) {
        first = child("main.0", new ConvBlock(dim, dim, 3, 1, 1, norm, 1, Activation.RELU, Inits.kaimingFanIn()));
        second = child("main.1", new ConvBlock(dim, dim, 3, 1, 1, norm, 1, Activation.NONE, Inits.kaimingFanIn()));
    }

    /** @param x (B, C, H, W) @return (B, C, H, W) */
    public NDArray forward(NDArray x, boolean training, int runningStatUpdates) {
        NDArray y = first.forward(x, training, runningStatUpdates);
        return x.add(second.forward(y, training, runningStatUpdates));
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.singletonOrThrow(), training, training ? 1 : 0));
    }
}
