package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;

/**
 * The official MLP ({@code model.py} l.56-70): Linear(in→dim)+LReLU, numBlock × [Linear(dim→dim)
 * +LReLU], Linear(dim→out) with no activation. The input is flattened per sample first.
 * Children {@code main.0 .. main.(numBlock+1)}.
 */
public final class Mlp extends GdwctBlock {
    private final List<LinearBlock> layers = new ArrayList<>();

    public Mlp(int in, int out, int dim, int numBlock) {
        layers.add(child("main.0", new LinearBlock(in, dim, Activation.LRELU)));
        for (int i = 0; i < numBlock; i++) {
            layers.add(child("main." + (i + 1), new LinearBlock(dim, dim, Activation.LRELU)));
        }
        layers.add(child("main." + (numBlock + 1), new LinearBlock(dim, out, Activation.NONE)));
    }

    /** @param x (N, ...) flattened to (N, in) @return (N, out) */
    public NDArray forward(NDArray x) {
        NDArray y = x.reshape(x.getShape().get(0), -1);
        for (LinearBlock l : layers) {
            y = l.forward(y);
        }
        return y;
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }
}
