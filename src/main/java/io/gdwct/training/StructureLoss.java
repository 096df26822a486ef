package io.gdwct.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.nn.NdOps;

/**
 * A structure-preserving loss between a translation and its content image: one minus the mean
 * contrast-structure term of SSIM (the {@code cs} factor of MS-SSIM, Wang et al. 2003) on
 * luminance.
 *
 * <p>Not in the official code. Why it exists: with few exemplars and batch 1, the official
 * losses let the generator invert or flatten tones (a dark background becomes the exemplar's
 * light paper, fine detail becomes brush texture). The cycle loss cannot see that, because such a
 * mapping is invertible. {@code cs} compares local contrast and correlation only. It has no
 * luminance term, so the exemplar still sets the palette and the tone curve, but an inverted or
 * erased edge costs up to 2 per pixel. Weight 0 ({@code lambdaStructure}) gives the official
 * losses exactly.
 *
 * <ul>
 *   <li>Luminance: Y = 0.299 R + 0.587 G + 0.114 B on the [-1, 1] images.
 *   <li>Window: Gaussian σ = 1.5, 11 taps per axis, normalised, applied separably without padding.
 *   <li>{@code cs(p) = (2 σxy + C2) / (σx² + σy² + C2)}, C2 = (0.03 · 2)², the SSIM constant
 *       for a dynamic range of 2 (equal to (0.03 · 255)² on 0..255 images).
 * </ul>
 */
public final class StructureLoss {
    static final int RADIUS = 5;
    static final double SIGMA = 1.5;
    static final double C2 = 0.06 * 0.06;

    private StructureLoss() {}

    /**
     * Mean {@code cs} over the batch and every valid window position.
     *
     * @param x (B, 3, H, W) images in [-1, 1], H and W at least 11
     * @param y (B, 3, H, W) images of the same shape
     * @return a scalar in [-1, 1]; 1 when y's luminance is x's plus a constant
     */
    public static NDArray similarity(NDArray x, NDArray y) {
        if (!x.getShape().equals(y.getShape())) {
            throw new IllegalArgumentException("shapes differ: " + x.getShape() + " and " + y.getShape());
        }
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h < 2 * RADIUS + 1 || w < 2 * RADIUS + 1) {
            throw new IllegalArgumentException("structure loss needs images of at least 11x11, got " + w + "x" + h);
        }
        Filters f = new Filters(x);
        NDArray lx = f.luminance(x);
        NDArray ly = f.luminance(y);
        NDArray mx = f.blur(lx);
        NDArray my = f.blur(ly);
        NDArray vx = f.blur(lx.mul(lx)).sub(mx.mul(mx));
        NDArray vy = f.blur(ly.mul(ly)).sub(my.mul(my));
        NDArray cxy = f.blur(lx.mul(ly)).sub(mx.mul(my));
        NDArray c2 = NdOps.scalar(lx, C2);
        NDArray cs = cxy.mul(NdOps.scalar(lx, 2)).add(c2).div(vx.add(vy).add(c2));
        return cs.mean();
    }

    /** {@code 1 − similarity(x, y)}: 0 for identical structure, up to 2 for inverted structure. */
    public static NDArray loss(NDArray x, NDArray y) {
        NDArray s = similarity(x, y);
        return NdOps.scalar(s, 1).sub(s);
    }

    /** The fixed filters, created in the input's manager and data type. */
    private static final class Filters {
        private final NDArray rgbToY;
        private final NDArray rows;
        private final NDArray cols;
        private final NDArray bias;

        Filters(NDArray like) {
            NDManager m = like.getManager();
            double[] taps = gaussianTaps();
            rgbToY = m.create(new double[] {0.299, 0.587, 0.114}, new Shape(1, 3, 1, 1)).toType(like.getDataType(), false);
            rows = m.create(taps, new Shape(1, 1, taps.length, 1)).toType(like.getDataType(), false);
            cols = m.create(taps, new Shape(1, 1, 1, taps.length)).toType(like.getDataType(), false);
            bias = m.zeros(new Shape(1), like.getDataType());
        }

        /** (B, 3, H, W) → (B, 1, H, W). */
        NDArray luminance(NDArray x) {
            return NdOps.conv2d(x, rgbToY, bias, 1);
        }

        /** (B, 1, H, W) → (B, 1, H − 10, W − 10): the window mean at every valid position. */
        NDArray blur(NDArray x) {
            return NdOps.conv2d(NdOps.conv2d(x, rows, bias, 1), cols, bias, 1);
        }
    }

    static double[] gaussianTaps() {
        double[] t = new double[2 * RADIUS + 1];
        double sum = 0;
        for (int i = -RADIUS; i <= RADIUS; i++) {
            t[i + RADIUS] = Math.exp(-(i * i) / (2 * SIGMA * SIGMA));
            sum += t[i + RADIUS];
        }
        for (int i = 0; i < t.length; i++) {
            t[i] /= sum;
        }
        return t;
    }
}
