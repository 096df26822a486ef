package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * One decoder up-sampling stage ({@code decoder.main.0-1} and {@code .2-3}): nearest ×2 upsampling,
 * then a {@link ConvBlock} with reflection pad 2 and a 5×5 convolution of stride 1, computed at
 * inference without building the upsampled image.
 *
 * <p><b>Sub-pixel form.</b> Output pixel (2i + a, 2j + b), phase (a, b) ∈ {0, 1}², reads upsampled
 * row 2i + a + k − 2 for tap k = 0..4, which is low-resolution row i + ⌊(a + k − 2) / 2⌋ ∈ {i − 1,
 * i, i + 1} (likewise for columns). So per phase the 5×5 kernel folds (sums of taps) into a 3×3 kernel
 * on the low-resolution input: one 3×3 convolution with 4·Cout outputs, then depth-to-space. That
 * is 9 instead of 25 multiply-adds per output pixel and input channel, and no upsampled copy.
 *
 * <p><b>Border.</b> The 3×3 convolution pads the low-resolution input with zeros; the original pads
 * the upsampled image by reflection, which no padding of the low-resolution one reproduces (upsampled
 * row −1 is low-res row 0, row −2 is low-res row 1). Only output rows and columns within 2 of an edge
 * read padding, so that 2-pixel ring is recomputed with the original formulation on thin slabs of the
 * input and written over the sub-pixel result: exact everywhere, up to float rounding (the folded
 * taps are summed before multiplying).
 *
 * <p>The folded kernel is cached while the weights are frozen ({@link FoldedKernel}). Training keeps
 * the original path.
 */
public final class UpsampleConv {
    private static final int K = 5;
    /** 5×5 tap (k, l) → phase (a, b), 3×3 tap (i, j): see {@link FoldedKernel#applyTapMap}. */
    private static final float[] TAP_MAP = tapMap();

    private final ConvBlock block;
    private final FoldedKernel folded;

    /** @param block a ConvBlock with a 5×5 kernel, stride 1 and reflection pad 2 */
    public UpsampleConv(ConvBlock block) {
        if (block.pad() != 2) {
            throw new IllegalArgumentException("expected reflection pad 2, got " + block.pad());
        }
        this.block = block;
        this.folded = new FoldedKernel(block.conv(), UpsampleConv::foldWeight, FoldedKernel::repeatBias4);
    }

    /**
     * {@code block.forward(upsample2x(x))}.
     *
     * @param x (B, Cin, h, w), h and w at least 2
     * @return (B, Cout, 2h, 2w)
     */
    public NDArray forward(NDArray x, boolean training) {
        if (training) {
            return block.forward(NdOps.upsample2x(x), true, 0);
        }
        NDArray[] f = folded.get(x.getManager());
        Conv2dLayer conv = block.conv();
        return block.normAndActivate(apply(x, conv.weight().getArray(), conv.bias().getArray(), f[0], f[1]), false, 0);
    }

    /**
     * Upsample ×2 nearest, reflection pad 2, 5×5 convolution, folding the kernel now.
     *
     * @param x (B, Cin, h, w), h and w at least 2
     * @param weight (Cout, Cin, 5, 5)
     * @param bias (Cout)
     * @return (B, Cout, 2h, 2w)
     */
    public static NDArray apply(NDArray x, NDArray weight, NDArray bias) {
        NDManager scope = x.getManager();
        NDArray fw = foldWeight(NdOps.view(weight, scope, weight.getShape().getShape()));
        NDArray fb = FoldedKernel.repeatBias4(NdOps.view(bias, scope, bias.getShape().get(0)));
        return apply(x, weight, bias, fw, fb);
    }

    /** As {@link #apply(NDArray, NDArray, NDArray)} with the kernel already folded by {@link #foldWeight}. */
    static NDArray apply(NDArray x, NDArray weight, NDArray bias, NDArray foldedWeight, NDArray foldedBias) {
        Shape s = x.getShape();
        long h = s.get(2);
        long w = s.get(3);
        if (h < 2 || w < 2) {
            throw new IllegalArgumentException(
                    "feature map " + h + "x" + w + " is too small for reflection padding 2 after upsampling"
                            + " (the input image is too small)");
        }
        // (B, 4·Cout, h, w), channel co·4 + 2a + b is phase (a, b) of output channel co
        NDArray out = FoldedKernel.depthToSpace2(FoldedKernel.conv(x, foldedWeight, foldedBias, 1));
        // Border ring: recomputed by the original formulation on thin slabs. The padded upsampled
        // image is gathered straight from the low-res input (row r of it is x row refl(r)/2), only the
        // rows (columns) the ring reads: padded rows 0..5 give output rows 0-1, rows 2h-2..2h+3 give
        // rows 2h-2..2h-1. Stacked into one slab, output rows 2-5 of the slab straddle the seam and
        // are dropped.
        NDManager scope = x.getManager();
        NDArray rowSlab = x.get(new NDIndex(":, :, {}", scope.create(ringIndex(h))))
                .get(new NDIndex(":, :, :, {}", scope.create(paddedIndex(w))));
        NDArray rows = NdOps.conv2d(rowSlab, weight, bias, 1); // (B, Cout, 8, 2w)
        out.set(new NDIndex(":, :, 0:2, :"), rows.get(new NDIndex(":, :, 0:2, :")));
        out.set(new NDIndex(":, :, {}:, :", 2 * h - 2), rows.get(new NDIndex(":, :, 6:, :")));
        NDArray colSlab = x.get(new NDIndex(":, :, :, {}", scope.create(ringIndex(w))))
                .get(new NDIndex(":, :, {}", scope.create(paddedIndex(h)))); // thin side first: small copies
        NDArray cols = NdOps.conv2d(colSlab, weight, bias, 1); // (B, Cout, 2h, 8)
        out.set(new NDIndex(":, :, :, 0:2"), cols.get(new NDIndex(":, :, :, 0:2")));
        out.set(new NDIndex(":, :, :, {}:", 2 * w - 2), cols.get(new NDIndex(":, :, :, 6:")));
        return out;
    }

    /**
     * The original formulation: {@code conv5x5(reflectPad(upsample2x(x), 2))}.
     *
     * @param x (B, Cin, h, w) @return (B, Cout, 2h, 2w)
     */
    public static NDArray reference(NDArray x, NDArray weight, NDArray bias) {
        return NdOps.conv2d(NdOps.reflectPad(NdOps.upsample2x(x), 2), weight, bias, 1);
    }

    /** Low-res index of each row of the upsampled, reflection-padded image: 2n + 4 entries. */
    private static long[] paddedIndex(long n) {
        long[] idx = new long[(int) (2 * n + 4)];
        for (int r = 0; r < idx.length; r++) {
            long u = Math.abs(r - 2L); // reflect at the top: row −k is row k
            if (u > 2 * n - 1) {
                u = 2 * (2 * n - 1) - u; // reflect at the bottom
            }
            idx[r] = u / 2;
        }
        return idx;
    }

    /** The first 6 and last 6 entries of {@link #paddedIndex}: what the 2-pixel ring reads. */
    private static long[] ringIndex(long n) {
        long[] all = paddedIndex(n);
        long[] idx = new long[12];
        System.arraycopy(all, 0, idx, 0, 6);
        System.arraycopy(all, all.length - 6, idx, 6, 6);
        return idx;
    }

    /**
     * Folds a 5×5 kernel into the four phases' 3×3 kernels (see the class comment).
     *
     * @param weight (Cout, Cin, 5, 5), attached to the scope the result should live in
     * @return (4·Cout, Cin, 3, 3), output channel co·4 + 2a + b
     */
    static NDArray foldWeight(NDArray weight) {
        Shape s = weight.getShape();
        if (s.dimension() != 4 || s.get(2) != K || s.get(3) != K) {
            throw new IllegalArgumentException("expected a 5x5 kernel, got " + s);
        }
        return FoldedKernel.applyTapMap(weight, TAP_MAP, 1, 3);
    }

    private static float[] tapMap() {
        float[] m = new float[K * K * 36];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int k = 0; k < K; k++) {
                    for (int l = 0; l < K; l++) {
                        // tap k of phase a reads low-res offset floor((a + k - 2) / 2), 3×3 tap index + 1
                        int i = Math.floorDiv(a + k - 2, 2) + 1;
                        int j = Math.floorDiv(b + l - 2, 2) + 1;
                        m[(k * K + l) * 36 + (a * 2 + b) * 9 + i * 3 + j] = 1f;
                    }
                }
            }
        }
        return m;
    }
}
