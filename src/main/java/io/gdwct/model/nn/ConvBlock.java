package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.initializer.Initializer;

/**
 * The official ConvBlock ({@code model.py} l.214-264): reflection pad, convolution with bias,
 * optional norm, optional activation. Children: {@code conv}, and {@code norm} when there is one.
 */
public final class ConvBlock extends GdwctBlock {

    /** Normalisations of the official code: "in", "ln" = GroupNorm(1, C), "gn" = GroupNorm(G, C), "none". */
    public enum Norm { NONE, INSTANCE, LAYER, GROUP }

    private final int pad;
    private final Conv2dLayer conv;
    private final GdwctBlock norm;
    private final Activation activation;

    public ConvBlock(int in, int out, int kernel, int stride, int pad, Norm norm, int nGroup,
            Activation activation, Initializer weightInit) {
        this.pad = pad;
        this.activation = activation;
        GdwctBlock n = switch (norm) {
            case NONE -> null;
            case INSTANCE -> new InstanceNorm(out);
            case LAYER -> new GroupNorm(1, out);
            case GROUP -> new GroupNorm(nGroup, out);
        };
        // state_dict order of the official block is norm.* before conv.*
        this.norm = n == null ? null : child("norm", n);
        this.conv = child("conv", new Conv2dLayer(in, out, kernel, stride, weightInit));
    }

    /**
     * @param x (B, Cin, H, W)
     * @param runningStatUpdates momentum updates of an instance norm's running statistics (training)
     * @return (B, Cout, H', W')
     */
    public NDArray forward(NDArray x, boolean training, int runningStatUpdates) {
        return normAndActivate(conv.forward(NdOps.reflectPad(x, pad)), training, runningStatUpdates);
    }

    /** The reflection padding before the convolution. */
    public int pad() {
        return pad;
    }

    /** The convolution, for callers that compute it another way (see {@link UpsampleConv}). */
    public Conv2dLayer conv() {
        return conv;
    }

    /**
     * The rest of the block after its convolution: norm, then activation.
     *
     * @param y the convolution's output (B, Cout, H', W')
     */
    public NDArray normAndActivate(NDArray y, boolean training, int runningStatUpdates) {
        if (norm instanceof InstanceNorm in) {
            y = in.forward(y, training, runningStatUpdates);
        } else if (norm instanceof GroupNorm gn) {
            y = gn.forward(y);
        }
        return activation.apply(y);
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.singletonOrThrow(), training, training ? 1 : 0));
    }
}
