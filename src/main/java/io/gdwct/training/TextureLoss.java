package io.gdwct.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.nn.NdOps;

/**
 * A texture-statistics loss between a translation and its exemplar: the oriented edge energy of
 * their luminance at four octaves, compared on a log scale.
 *
 * <p>Not in the official code. Why it exists: the small CPU model, trained on 16 paintings with
 * L1 reconstruction weighted 10, paints with far less local contrast than the paintings have
 * (mean oriented edge energy of its translations about half the exemplars' at every scale), so
 * the exemplar's colours transfer but its brushwork does not. The multi-scale discriminator sees
 * texture only through its adversarial score; this term asks for the exemplar's amount of edge
 * energy per scale and orientation directly, the statistics of Heeger and Bergen's pyramid
 * texture model in their simplest form. It matches global statistics only, so it does not copy
 * the exemplar's layout. Weight 0 ({@code lambdaTexture}) gives the official losses exactly.
 *
 * <ul>
 *   <li>Luminance: Y = 0.299 R + 0.587 G + 0.114 B on the [-1, 1] images.
 *   <li>Levels: Y at full size and after 1, 2 and 3 2×2 average poolings.
 *   <li>Responses: four 2×2 difference kernels per level: horizontal, vertical and the two
 *       diagonals (each with taps ±½, so a step of height h responds h/2), valid positions only.
 *   <li>Statistic: the mean absolute response per image, level and orientation, (B, 16).
 *   <li>Loss: mean |log(e + ε) − log(t + ε)| over the batch and the 16 statistics, ε = 1e-4.
 * </ul>
 */
public final class TextureLoss {
    static final int LEVELS = 4;
    static final double EPS = 1e-4;

    private TextureLoss() {}

    /**
     * The 16 edge-energy statistics of each image.
     *
     * @param x (B, 3, H, W) images in [-1, 1]; H and W at least 16
     * @return (B, 16): level-major, then horizontal, vertical, diagonal, anti-diagonal
     */
    public static NDArray statistics(NDArray x) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h < 1L << LEVELS || w < 1L << LEVELS) {
            throw new IllegalArgumentException("texture loss needs images of at least 16x16, got " + w + "x" + h);
        }
        Filters f = new Filters(x);
        NDArray y = NdOps.conv2d(x, f.rgbToY, f.bias1, 1); // (B, 1, H, W)
        NDList stats = new NDList();
        for (int level = 0; level < LEVELS; level++) {
            if (level > 0) {
                y = NdOps.conv2d(y, f.pool, f.bias1, 2); // 2×2 average, stride 2
            }
            NDArray r = NdOps.conv2d(y, f.edges, f.bias4, 1); // (B, 4, H', W')
            stats.add(NdOps.mean(r.abs(), new int[] {2, 3}, false));
        }
        return NDArrays.concat(stats, 1);
    }

    /**
     * The loss of translations against the exemplars they were made from.
     *
     * @param translation (B, 3, H, W)
     * @param exemplar (B, 3, H2, W2); any size of at least 16 × 16, its statistics are constants
     */
    public static NDArray loss(NDArray translation, NDArray exemplar) {
        if (translation.getShape().get(0) != exemplar.getShape().get(0)) {
            throw new IllegalArgumentException("batch sizes differ: " + translation.getShape() + " and " + exemplar.getShape());
        }
        NDArray eps = NdOps.scalar(translation, EPS);
        NDArray got = statistics(translation).add(eps).log();
        NDArray want = statistics(exemplar).stopGradient().add(eps).log();
        return got.sub(want).abs().mean();
    }

    /** The fixed filters, created in the input's manager and data type. */
    private static final class Filters {
        final NDArray rgbToY;
        final NDArray pool;
        final NDArray edges;
        final NDArray bias1;
        final NDArray bias4;

        Filters(NDArray like) {
            NDManager m = like.getManager();
            var type = like.getDataType();
            rgbToY = m.create(new double[] {0.299, 0.587, 0.114}, new Shape(1, 3, 1, 1)).toType(type, false);
            pool = m.create(new double[] {0.25, 0.25, 0.25, 0.25}, new Shape(1, 1, 2, 2)).toType(type, false);
            double h = 0.5;
            edges = m.create(new double[] {
                h, -h, h, -h,    // horizontal change (vertical edges)
                h, h, -h, -h,    // vertical change (horizontal edges)
                h, 0, 0, -h,     // diagonal
                0, h, -h, 0,     // anti-diagonal
            }, new Shape(4, 1, 2, 2)).toType(type, false);
            bias1 = m.zeros(new Shape(1), type);
            bias4 = m.zeros(new Shape(4), type);
        }
    }
}
