package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * A bias-carrying 2-D convolution with no padding of its own ({@code nn.Conv2d(..., padding=0)}).
 * Parameters {@code weight} (Cout, Cin, k, k) and {@code bias} (Cout).
 */
public final class Conv2dLayer extends GdwctBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final int stride;

    public Conv2dLayer(int in, int out, int kernel, int stride, Initializer weightInit) {
        this.stride = stride;
        this.weight = param("weight", Parameter.Type.WEIGHT, weightInit, true, out, in, kernel, kernel);
        this.bias = param("bias", Parameter.Type.BIAS, Inits.constant(0f), true, out);
    }

    /**
     * @param x (B, Cin, H, W), already padded
     * @return (B, Cout, (H − k) / stride + 1, (W − k) / stride + 1)
     */
    public NDArray forward(NDArray x) {
        return NdOps.conv2d(x, weight.getArray(), bias.getArray(), stride);
    }

    /** The kernel, (Cout, Cin, k, k). */
    public Parameter weight() {
        return weight;
    }

    /** The bias, (Cout). */
    public Parameter bias() {
        return bias;
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }
}
