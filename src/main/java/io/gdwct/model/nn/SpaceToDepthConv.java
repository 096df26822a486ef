package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A stride-1 {@link ConvBlock} with an odd k×k kernel and "same" reflection padding, computed at
 * inference as a convolution on the 2×2 space-to-depth rearrangement of its padded input. Used for
 * the decoder's last layer ({@code decoder.main.4}, 7×7, Cout 3), whose three output channels leave
 * the vectorised convolution kernels mostly idle.
 *
 * <p>Output pixel (2i + a, 2j + b) reads padded row 2i + a + k' (k' = 0..k−1), which is row i + u of
 * input phase p where 2u + p = a + k'. With the padded input (B, C, Hp, Wp) rearranged to
 * (B, 4·C, Hp/2, Wp/2) (channel c·4 + 2p + q), the k×k kernel becomes a t×t one, t = ⌊k/2⌋ + 1
 * (4 for 7×7), from 4·C to 4·Cout channels (one per output phase), followed by depth-to-space. Each
 * product is the original's, regrouped (the new kernel's extra taps are zeros): exact up to the
 * order of float summation. Needs an even padded size, i.e. even H and W (the decoder's output
 * always is: 4× the content code); otherwise the original path runs.
 *
 * <p>The rearranged kernel is cached while the weights are frozen ({@link FoldedKernel}). Training
 * keeps the original path.
 */
public final class SpaceToDepthConv {
    private final ConvBlock block;
    private final FoldedKernel folded;

    /** @param block a stride-1 ConvBlock with an odd k×k kernel and reflection pad (k − 1) / 2 */
    public SpaceToDepthConv(ConvBlock block, int kernel) {
        if (kernel % 2 != 1 || block.pad() != kernel / 2) {
            throw new IllegalArgumentException("expected an odd kernel with pad k/2, got k " + kernel + ", pad " + block.pad());
        }
        this.block = block;
        float[] map = tapMap(kernel);
        int t = kernel / 2 + 1;
        this.folded = new FoldedKernel(block.conv(), w -> FoldedKernel.applyTapMap(w, map, 4, t), FoldedKernel::repeatBias4);
    }

    /**
     * {@code block.forward(x)}.
     *
     * @param x (B, Cin, H, W)
     * @return (B, Cout, H, W)
     */
    public NDArray forward(NDArray x, boolean training) {
        Shape s = x.getShape();
        if (training || s.get(2) % 2 != 0 || s.get(3) % 2 != 0) {
            return block.forward(x, training, 0);
        }
        NDArray[] f = folded.get(x.getManager());
        return block.normAndActivate(apply(NdOps.reflectPad(x, block.pad()), f[0], f[1]), false, 0);
    }

    /**
     * @param padded (B, C, Hp, Wp), Hp and Wp even
     * @param foldedWeight (4·Cout, 4·C, t, t) from {@link #tapMap}
     * @param foldedBias (4·Cout)
     * @return (B, Cout, Hp − k + 1, Wp − k + 1), the valid k×k convolution of {@code padded}
     */
    static NDArray apply(NDArray padded, NDArray foldedWeight, NDArray foldedBias) {
        Shape s = padded.getShape();
        long batch = s.get(0);
        long c = s.get(1);
        long hp = s.get(2);
        long wp = s.get(3);
        // space-to-depth: (B, C, Hp/2, p, Wp/2, q) → (B, C, p, q, Hp/2, Wp/2) → (B, 4·C, Hp/2, Wp/2); copies
        NDArray phases = padded.reshape(batch, c, hp / 2, 2, wp / 2, 2).transpose(0, 1, 3, 5, 2, 4)
                .reshape(batch, 4 * c, hp / 2, wp / 2);
        return FoldedKernel.depthToSpace2(FoldedKernel.conv(phases, foldedWeight, foldedBias, 0));
    }

    /** k×k tap (k', l') → output phase (a, b), input phase (p, q), t×t tap (u, v): see {@link FoldedKernel#applyTapMap}. */
    static float[] tapMap(int k) {
        int t = k / 2 + 1;
        float[] m = new float[k * k * 16 * t * t];
        for (int o = 0; o < 4; o++) {
            for (int ip = 0; ip < 4; ip++) {
                for (int u = 0; u < t; u++) {
                    for (int v = 0; v < t; v++) {
                        int kr = 2 * u + ip / 2 - o / 2; // row tap: 2u + p − a
                        int kc = 2 * v + ip % 2 - o % 2; // column tap: 2v + q − b
                        if (kr >= 0 && kr < k && kc >= 0 && kc < k) {
                            m[(kr * k + kc) * 16 * t * t + ((o * 4 + ip) * t + u) * t + v] = 1f;
                        }
                    }
                }
            }
        }
        return m;
    }
}
