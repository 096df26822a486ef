package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.function.UnaryOperator;

/**
 * A convolution's kernel and bias rearranged for another way of computing the same convolution
 * (see {@link UpsampleConv}, {@link SpaceToDepthConv}), cached while the weights are frozen.
 *
 * <p>Cached only while both parameters are frozen ({@link Parameter#freeze}, as
 * {@link io.gdwct.model.GdwctModel#load} does after loading) and still hold the arrays the fold came
 * from; otherwise (training, or a model whose weights may still change) it is folded per call with
 * differentiable ops, in the caller's scope.
 */
final class FoldedKernel {
    private final Conv2dLayer conv;
    private final UnaryOperator<NDArray> foldWeight;
    private final UnaryOperator<NDArray> foldBias;
    private volatile Entry cache;

    /** The folded pair and the arrays it was folded from. */
    private record Entry(NDArray sourceWeight, NDArray sourceBias, NDArray weight, NDArray bias) {}

    /**
     * @param foldWeight (Cout, Cin, k, k) → the folded kernel, computed with ops on its argument
     * @param foldBias (Cout) → the folded bias
     */
    FoldedKernel(Conv2dLayer conv, UnaryOperator<NDArray> foldWeight, UnaryOperator<NDArray> foldBias) {
        this.conv = conv;
        this.foldWeight = foldWeight;
        this.foldBias = foldBias;
    }

    /** {folded weight, folded bias}; per-call ones are attached to {@code scope}. */
    NDArray[] get(NDManager scope) {
        Parameter w = conv.weight();
        Parameter b = conv.bias();
        NDArray wa = w.getArray();
        NDArray ba = b.getArray();
        if (w.requiresGradient() || b.requiresGradient()) {
            return fold(wa, ba, scope);
        }
        Entry e = cache;
        if (e == null || e.sourceWeight() != wa || e.sourceBias() != ba) {
            synchronized (this) {
                e = cache;
                if (e == null || e.sourceWeight() != wa || e.sourceBias() != ba) {
                    // kept in the weights' own (model-lifetime) manager; a superseded fold stays there
                    // until the model closes (frozen weights are not replaced in practice)
                    NDManager owner = wa.getManager();
                    try (NDManager scratch = owner.newSubManager()) {
                        NDArray[] f = fold(wa, ba, scratch);
                        f[0].attach(owner);
                        f[1].attach(owner);
                        e = new Entry(wa, ba, f[0], f[1]);
                    }
                    cache = e;
                }
            }
        }
        return new NDArray[] {e.weight(), e.bias()};
    }

    private NDArray[] fold(NDArray weight, NDArray bias, NDManager scope) {
        return new NDArray[] {
            foldWeight.apply(NdOps.view(weight, scope, weight.getShape().getShape())),
            foldBias.apply(NdOps.view(bias, scope, bias.getShape().get(0)))
        };
    }

    /**
     * Applies a 0/1 tap map to a kernel: {@code weight.reshape(Cout·Cin, k·k) @ map}, regrouped.
     *
     * @param weight (Cout, Cin, k, k)
     * @param map (k·k, 4 · inPhases · t · t), row-major: column ((o·inPhases + ip)·t + u)·t + v takes
     *     the taps that output phase o, input phase ip and new tap (u, v) sum
     * @return (4·Cout, inPhases·Cin, t, t), output channel co·4 + o, input channel ci·inPhases + ip
     */
    static NDArray applyTapMap(NDArray weight, float[] map, int inPhases, int t) {
        Shape s = weight.getShape();
        long cout = s.get(0);
        long cin = s.get(1);
        long kk = s.get(2) * s.get(3);
        NDArray m = weight.getManager().create(map, new Shape(kk, 4L * inPhases * t * t))
                .toType(weight.getDataType(), false);
        return weight.reshape(cout * cin, kk).matMul(m)
                .reshape(cout, cin, 4, inPhases, t, t).transpose(0, 2, 1, 3, 4, 5)
                .reshape(4 * cout, inPhases * cin, t, t);
    }

    /** @param bias (Cout) @return (4·Cout), the bias of each of a channel's four output phases */
    static NDArray repeatBias4(NDArray bias) {
        long cout = bias.getShape().get(0);
        return bias.reshape(cout, 1).repeat(1, 4).reshape(4 * cout);
    }

    /**
     * Depth-to-space by 2 (PyTorch's {@code pixel_shuffle(2)}); copies.
     *
     * @param y (B, 4·C, h, w), channel c·4 + 2a + b holding output phase (a, b)
     * @return (B, C, 2h, 2w) with pixel (2i + a, 2j + b) = y[c·4 + 2a + b, i, j]
     */
    static NDArray depthToSpace2(NDArray y) {
        Shape s = y.getShape();
        long batch = s.get(0);
        long c = s.get(1) / 4;
        long h = s.get(2);
        long w = s.get(3);
        return y.reshape(batch, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(batch, c, 2 * h, 2 * w);
    }

    /** Stride-1 convolution with zero padding {@code pad} (0: none). */
    static NDArray conv(NDArray x, NDArray weight, NDArray bias, int pad) {
        return x.getNDArrayInternal()
                .convolution(x, weight, bias, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), 1)
                .singletonOrThrow();
    }
}
