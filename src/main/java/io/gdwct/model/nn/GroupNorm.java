package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/**
 * {@code nn.GroupNorm(groups, C)} with per-channel affine γ/β, eps 1e-5: per sample, statistics
 * over each group's channels and all positions. groups = 1 is the official "ln" norm of the
 * decoder; groups = G the style encoder's "gn".
 */
public final class GroupNorm extends GdwctBlock {
    private static final float EPS = 1e-5f;
    private final Parameter weight;
    private final Parameter bias;
    private final int groups;
    private final int channels;

    public GroupNorm(int groups, int channels) {
        if (channels % groups != 0) {
            throw new IllegalArgumentException("channels " + channels + " not divisible by groups " + groups);
        }
        this.groups = groups;
        this.channels = channels;
        weight = param("weight", Parameter.Type.GAMMA, Inits.constant(1f), true, channels);
        bias = param("bias", Parameter.Type.BETA, Inits.constant(0f), true, channels);
    }

    /** @param x (B, C, H, W) */
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        NDManager scope = x.getManager();
        NDArray normed = NdOps.normalizeLastDim(x.reshape(s.get(0), groups, -1), EPS).reshape(s);
        return normed.mul(NdOps.view(weight.getArray(), scope, 1, channels, 1, 1))
                .add(NdOps.view(bias.getArray(), scope, 1, channels, 1, 1));
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }
}
