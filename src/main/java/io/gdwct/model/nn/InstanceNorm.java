package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;

/**
 * {@code nn.InstanceNorm2d(C, affine=True, track_running_stats=True)}, as the official content
 * encoder uses it.
 *
 * <p>Training: each sample and channel is normalised by its own statistics, and the running
 * statistics move by momentum 0.1 toward the batch average of the instance means and unbiased
 * variances. Evaluation: the running statistics are used, not the image's own (the official
 * behaviour that its pretrained weights depend on).
 */
public final class InstanceNorm extends GdwctBlock {
    static final float EPS = 1e-5f;
    static final float MOMENTUM = 0.1f;

    private final Parameter weight;
    private final Parameter bias;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private final int channels;

    public InstanceNorm(int channels) {
        this.channels = channels;
        weight = param("weight", Parameter.Type.GAMMA, Inits.constant(1f), true, channels);
        bias = param("bias", Parameter.Type.BETA, Inits.constant(0f), true, channels);
        runningMean = param("running_mean", Parameter.Type.RUNNING_MEAN, Inits.constant(0f), false, channels);
        runningVar = param("running_var", Parameter.Type.RUNNING_VAR, Inits.constant(1f), false, channels);
    }

    /**
     * @param x (B, C, H, W)
     * @param runningStatUpdates how many times to apply the momentum update in training (the
     *     official step encodes the same real image twice with unchanged weights; applying the
     *     update twice reproduces its running statistics without computing the encoder twice)
     */
    public NDArray forward(NDArray x, boolean training, int runningStatUpdates) {
        if (!training) {
            // axis -1 makes DJL hand the NCHW tensor to torch.batch_norm unchanged (channel dim 1)
            return BatchNorm.batchNorm(x, runningMean.getArray(), runningVar.getArray(),
                    weight.getArray(), bias.getArray(), -1, MOMENTUM, EPS, false).singletonOrThrow();
        }
        NDManager scope = x.getManager();
        Shape s = x.getShape();
        NDArray normed = NdOps.normalizeLastDim(x.reshape(s.get(0), s.get(1), -1), EPS).reshape(s);
        NDArray out = normed.mul(NdOps.view(weight.getArray(), scope, 1, channels, 1, 1))
                .add(NdOps.view(bias.getArray(), scope, 1, channels, 1, 1));
        if (runningStatUpdates > 0) {
            updateRunningStats(x, runningStatUpdates);
        }
        return out;
    }

    private void updateRunningStats(NDArray x, int times) {
        long hw = x.getShape().get(2) * x.getShape().get(3);
        long batch = x.getShape().get(0);
        // batch average of instance means and of unbiased instance variances, detached
        NDArray d = x.stopGradient();
        int[] spatial = {2, 3};
        NDArray mean = NdOps.mean(d, spatial, true);
        NDArray var = d.sub(mean).square().sum(spatial, true).div(hw - 1);
        NDArray m = mean.reshape(batch, channels).sum(new int[] {0}).div(batch);
        NDArray v = var.reshape(batch, channels).sum(new int[] {0}).div(batch);
        for (int i = 0; i < times; i++) {
            runningMean.getArray().muli(1 - MOMENTUM).addi(m.mul(MOMENTUM));
            runningVar.getArray().muli(1 - MOMENTUM).addi(v.mul(MOMENTUM));
        }
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.singletonOrThrow(), training, training ? 1 : 0));
    }
}
