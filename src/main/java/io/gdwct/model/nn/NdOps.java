package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Tensor operations the GDWCT blocks need that DJL lacks or spells differently (reflection
 * padding, multi-axis means, nearest upsampling), and the rule that keeps memory bounded.
 *
 * <p>DJL attaches the result of {@code a.op(b)} to {@code a}'s manager. Parameters live in the
 * model's long-lived manager, so an op whose receiver is a parameter would leak into it on every
 * call. Every op here is invoked on the activation, and derived parameter views go through
 * {@link #view}, which moves them into the caller's (per-request or per-step) manager.
 */
public final class NdOps {

    private NdOps() {}

    /** A reshaped view of a parameter attached to {@code scope}, so it is freed with the request. */
    public static NDArray view(NDArray param, NDManager scope, long... shape) {
        NDArray v = param.reshape(new Shape(shape));
        v.attach(scope);
        return v;
    }

    /**
     * Reflection padding, identical to {@code torch.nn.ReflectionPad2d(p)}.
     *
     * @param x (B, C, H, W) with H, W greater than p
     * @return (B, C, H + 2p, W + 2p)
     */
    public static NDArray reflectPad(NDArray x, int p) {
        if (p == 0) {
            return x;
        }
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h <= p || w <= p) {
            throw new IllegalArgumentException(
                    "feature map " + h + "x" + w + " is too small for reflection padding " + p
                            + " (the input image is too small)");
        }
        NDArray top = x.get(new NDIndex(":, :, 1:{}, :", p + 1)).flip(2);
        NDArray bottom = x.get(new NDIndex(":, :, {}:{}, :", h - 1 - p, h - 1)).flip(2);
        NDArray rows = NDArrays.concat(new NDList(top, x, bottom), 2);
        NDArray left = rows.get(new NDIndex(":, :, :, 1:{}", p + 1)).flip(3);
        NDArray right = rows.get(new NDIndex(":, :, :, {}:{}", w - 1 - p, w - 1)).flip(3);
        return NDArrays.concat(new NDList(left, rows, right), 3);
    }

    /**
     * Convolution without padding (callers pad by reflection first).
     *
     * @param x (B, Cin, H, W)
     * @param weight (Cout, Cin, k, k)
     * @param bias (Cout)
     */
    public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride) {
        return x.getNDArrayInternal()
                .convolution(x, weight, bias, new Shape(stride, stride), new Shape(0, 0), new Shape(1, 1), 1)
                .singletonOrThrow();
    }

    /**
     * A scalar tensor in {@code like}'s manager, for arithmetic inside an autograd graph.
     *
     * <p>Never pass a Java number to {@code mul}/{@code div} on a tensor that needs a gradient:
     * DJL 0.33 wraps the number in a tensor whose memory is a Java buffer (from_blob, no copy) and
     * closes it at once, but autograd keeps it for the backward pass; once the garbage collector
     * frees the buffer the gradient reads freed memory (NaN losses a few iterations in). A scalar
     * made here lives as long as the step's manager.
     */
    public static NDArray scalar(NDArray like, double value) {
        NDManager m = like.getManager();
        return like.getDataType() == DataType.FLOAT64 ? m.create(value) : m.create((float) value);
    }

    /** A one-element tensor's value, whatever its floating dtype. */
    public static double value(NDArray x) {
        return x.getDataType() == DataType.FLOAT64 ? x.getDouble() : x.getFloat();
    }

    /** Mean over several axes (DJL's {@code mean(int[])} takes only one axis on PyTorch). */
    public static NDArray mean(NDArray x, int[] axes, boolean keepDims) {
        long count = 1;
        for (int a : axes) {
            count *= x.getShape().get(a);
        }
        return x.sum(axes, keepDims).div(scalar(x, count));
    }

    /** Nearest-neighbour ×2 upsampling, {@code F.interpolate(scale_factor=2, mode='nearest')}. */
    public static NDArray upsample2x(NDArray x) {
        Shape s = x.getShape();
        return x.getNDArrayInternal().interpolation(new long[] {s.get(2) * 2, s.get(3) * 2}, 0, false);
    }

    /**
     * Normalises each row of {@code x} over its last dimension to zero mean and unit (biased)
     * variance with PyTorch's fused layer_norm, whose backward is the analytic one: instance and
     * group norm are built on it so that their gradients match PyTorch's own to float precision.
     *
     * @param x (N, M, K)
     */
    public static NDArray normalizeLastDim(NDArray x, float eps) {
        long k = x.getShape().get(2);
        NDManager scope = x.getManager();
        return x.getNDArrayInternal()
                .layerNorm(x, new Shape(k), scope.ones(new Shape(k), x.getDataType()),
                        scope.zeros(new Shape(k), x.getDataType()), eps)
                .singletonOrThrow();
    }

    /** L1 loss, mean |a − b|. */
    public static NDArray l1(NDArray a, NDArray b) {
        return a.sub(b).abs().mean();
    }
}
