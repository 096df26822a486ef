package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.gdwct.model.GdwctConfig;

/**
 * One group-wise deep whitening-and-coloring module ({@code model.py} WCT, l.103-142; reference §2).
 *
 * <p>From the style code s, a shared MLP maps each of the G chunks of n = C/G values to an n×n
 * matrix M; d are M's column norms, U = M / d, and the group's coloring matrix is
 * X = U·diag(d)·Uᵀ = M·Uᵀ. Another MLP gives the style mean μ. The content feature is centred
 * (whitening itself is learned through the R_w regulariser, not applied) and colored group by
 * group with G small (n×n)·(n×HW) products instead of the official dense block-masked C×C product
 * (identical result: the off-block entries are exactly zero). Output α·(X·c̄ + μ) + (1 − α)·c.
 *
 * <p>Deliberate difference: at inference the centring mean and covariance are each sample's own
 * (the official code pools them over the batch, so a batch of N would differ from N batches of 1);
 * in training they pool over the batch as the official code does.
 *
 * <p>At inference α is a Java float: once the weights are frozen ({@link #freeze}), it is read from
 * the device once rather than on every call. While α is trainable it is read per call (it changes
 * with every optimiser step).
 */
public final class GdwctModule extends GdwctBlock {
    /** Official WCT init: alpha = 1 − w_alpha = 0.6. */
    static final float INITIAL_ALPHA = 0.6f;
    private static final double COV_EPS = 1e-5;

    private final Parameter alpha;
    private final Mlp mlpCT;
    private final Mlp mlpMu;
    private final int channels;
    private final int groups;
    private final int n;
    private volatile FrozenAlpha frozen;

    /** α clamped to [0, 1], read once from {@code source}, the parameter's array when frozen. */
    private record FrozenAlpha(NDArray source, float clamped) {}

    /**
     * What one module call returns.
     *
     * @param out (B, C, H, W) the colored feature
     * @param covariance content covariance per group: (G, n, n) pooled over the batch in
     *     training, (B, G, n, n) per sample at inference; null when not requested
     * @param coloringBasis U, (B, G, n, n)
     */
    public record Output(NDArray out, NDArray covariance, NDArray coloringBasis) {}

    public GdwctModule(GdwctConfig cfg) {
        channels = cfg.contentDim();
        groups = cfg.nGroup();
        n = cfg.groupSize();
        alpha = param("alpha", Parameter.Type.OTHER, Inits.constant(INITIAL_ALPHA), true, 1);
        mlpCT = child("mlp_CT", new Mlp(n, n * n, cfg.mlpDim(), 3));
        mlpMu = child("mlp_mu", new Mlp(channels, cfg.biasDim(), channels, 1));
    }

    public Parameter alpha() {
        return alpha;
    }

    /**
     * @param c content feature (B, C, H, W)
     * @param s style code (B, C, 1, 1)
     * @param training pool statistics over the batch and keep α as a trainable tensor
     * @param strength multiplies the clamped α at inference (1 = as trained, 0 = c unchanged)
     * @param wantCovariance compute the covariance at inference (always computed in training)
     */
    public Output forward(NDArray c, NDArray s, boolean training, float strength, boolean wantCovariance) {
        NDManager scope = c.getManager();
        long b = c.getShape().get(0);
        long h = c.getShape().get(2);
        long w = c.getShape().get(3);

        NDArray m = mlpCT.forward(s.reshape(b * groups, n)).reshape(b, groups, n, n);
        NDArray d = m.square().sum(new int[] {2}, true).sqrt(); // column norms, (B, G, 1, n)
        NDArray u = m.div(d);
        NDArray x = m.matMul(u.transpose(0, 1, 3, 2)); // U diag(d) U^T, (B, G, n, n)
        NDArray mu = mlpMu.forward(s).reshape(b, channels, 1, 1);

        NDArray centred;
        NDArray cov = null;
        if (training) {
            centred = c.sub(NdOps.mean(c, new int[] {0, 2, 3}, true));
            NDArray grouped = centred.transpose(1, 0, 2, 3).reshape(groups, n, b * h * w);
            cov = grouped.matMul(grouped.transpose(0, 2, 1)).div(NdOps.scalar(grouped, b * h * w - 1))
                    .add(scope.eye(n, n, 0, c.getDataType()).mul(NdOps.scalar(c, COV_EPS)));
        } else {
            centred = c.sub(NdOps.mean(c, new int[] {2, 3}, true));
            if (wantCovariance) {
                NDArray grouped = centred.reshape(b, groups, n, h * w);
                cov = grouped.matMul(grouped.transpose(0, 1, 3, 2)).div(NdOps.scalar(grouped, h * w - 1))
                        .add(scope.eye(n, n, 0, c.getDataType()).mul(NdOps.scalar(c, COV_EPS)));
            }
        }
        NDArray colored = x.matMul(centred.reshape(b, groups, n, h * w)).reshape(b, channels, h, w);
        NDArray styled = colored.add(mu);
        NDArray out;
        if (training) {
            NDArray a = alpha.getArray();
            out = styled.mul(a).add(c).sub(c.mul(a));
        } else {
            float a = inferenceAlpha() * strength;
            out = styled.mul(a).add(c.mul(1f - a));
        }
        return new Output(out, cov, u);
    }

    /** Freezes α and reads it to the host once, for every later inference call. */
    void freeze() {
        alpha.freeze(true);
        frozen = new FrozenAlpha(alpha.getArray(), clamped(alpha.getArray()));
    }

    /**
     * The clamped α for an inference call: the frozen value while α stays frozen and keeps the
     * array it was read from; otherwise (trainable, or replaced since) read now.
     */
    private float inferenceAlpha() {
        FrozenAlpha f = frozen;
        NDArray a = alpha.getArray();
        if (f != null && f.source() == a && !alpha.requiresGradient()) {
            return f.clamped();
        }
        return clamped(a);
    }

    private static float clamped(NDArray a) {
        return Math.min(1f, Math.max(0f, a.getFloat()));
    }

    /** Clamps α to [0, 1] in place, as the official code does before every generator update. */
    public void clampAlpha() {
        NDArray a = alpha.getArray();
        double v = Math.min(1.0, Math.max(0.0, NdOps.value(a)));
        if (a.getDataType() == DataType.FLOAT64) {
            a.set(new double[] {v});
        } else {
            a.set(new float[] {(float) v});
        }
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        return new NDList(forward(inputs.get(0), inputs.get(1), training, 1f, false).out());
    }
}
