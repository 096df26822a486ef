package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;

/** Linear with bias then an activation ({@code model.py} LinearBlock, norm "none"). Params {@code fc.*}. */
public final class LinearBlock extends GdwctBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final Activation activation;

    public LinearBlock(int in, int out, Activation activation) {
        this.activation = activation;
        weight = param("fc.weight", Parameter.Type.WEIGHT, Inits.kaimingFanIn(), true, out, in);
        bias = param("fc.bias", Parameter.Type.BIAS, Inits.constant(0f), true, out);
    }

    /** @param x (N, in) @return (N, out) */
    public NDArray forward(NDArray x) {
        return activation.apply(Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow());
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }
}
