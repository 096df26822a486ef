package io.gdwct.eval.metrics;

import io.gdwct.image.RgbImage;
import java.util.List;

/**
 * The evaluation metrics of a style-transfer output, in one place.
 *
 * <ul>
 *   <li>{@link #styleRatio}: W2(output, exemplar) / W2(content, exemplar) on CIE Lab pixel
 *       Gaussians. 0 = the output has the exemplar's colour statistics, 1 = as far from them as the
 *       content was, below 1 = moved toward the exemplar.
 *   <li>{@link #textureRatio}: the same ratio on the 12-dimensional Gaussians of absolute Gabor
 *       responses of the standard {@link GaborBank}.
 *   <li>{@link #structure}: SSIM of output against content luminance ({@link Ssim}); 1 = the same.
 *   <li>{@link #specificity}: fraction of (content, e1, e2) triples, e1 ≠ e2, in which the output
 *       made from the content with e1 is strictly closer (W2 in Lab) to e1 than to e2; ties count as
 *       not closer. 0.5 is chance; 1 means every output is nearest its own exemplar.
 * </ul>
 *
 * <p><b>Undefined ratios</b>: when W2(content, exemplar) = 0 (content and exemplar have the same
 * Gaussian, e.g. they are the same image) there is no distance to close and the ratios return
 * {@link Double#NaN}; callers should report such pairs as undefined rather than average them.
 */
public final class StyleMetrics {

    private StyleMetrics() {}

    /** W2(output, exemplar) / W2(content, exemplar) in CIE Lab; NaN when the denominator is 0. */
    public static double styleRatio(RgbImage content, RgbImage output, RgbImage exemplar) {
        Gaussian e = Gaussian.fitLab(exemplar);
        return ratio(Gaussian.fitLab(content), Gaussian.fitLab(output), e);
    }

    /** The W2 ratio on Gabor texture Gaussians (standard bank); NaN when the denominator is 0. */
    public static double textureRatio(RgbImage content, RgbImage output, RgbImage exemplar) {
        GaborBank bank = GaborBank.standard();
        return ratio(bank.textureGaussian(content), bank.textureGaussian(output), bank.textureGaussian(exemplar));
    }

    /** W2(output, exemplar) / W2(content, exemplar) of precomputed Gaussians; NaN when the denominator is 0. */
    public static double ratio(Gaussian content, Gaussian output, Gaussian exemplar) {
        double denominator = Wasserstein.w2(content, exemplar);
        if (denominator == 0) {
            return Double.NaN;
        }
        return Wasserstein.w2(output, exemplar) / denominator;
    }

    /** SSIM of output against content luminance; throws IllegalArgumentException if sizes differ. */
    public static double structure(RgbImage content, RgbImage output) {
        return Ssim.ssim(output, content);
    }

    /**
     * Exemplar specificity from precomputed Lab Gaussians.
     *
     * @param exemplars {@code exemplars[e]}: Gaussian of exemplar e, E ≥ 2 of them
     * @param outputs {@code outputs[c][e]}: Gaussian of the output made from content c with exemplar
     *     e; every row has E entries
     * @return the fraction, over all c and ordered pairs e1 ≠ e2 (C · E · (E − 1) triples), of
     *     W2(outputs[c][e1], exemplars[e1]) &lt; W2(outputs[c][e1], exemplars[e2])
     */
    public static double specificity(Gaussian[] exemplars, Gaussian[][] outputs) {
        int e = exemplars.length;
        if (e < 2) {
            throw new IllegalArgumentException("specificity needs at least 2 exemplars, got " + e);
        }
        if (outputs.length == 0) {
            throw new IllegalArgumentException("specificity needs at least 1 content image");
        }
        long closer = 0;
        long triples = 0;
        double[] distance = new double[e];
        for (int c = 0; c < outputs.length; c++) {
            if (outputs[c].length != e) {
                throw new IllegalArgumentException("outputs[" + c + "] has " + outputs[c].length
                        + " entries, expected one per exemplar (" + e + ")");
            }
            for (int e1 = 0; e1 < e; e1++) {
                // One distance per exemplar, shared by all E − 1 comparisons of this output.
                for (int k = 0; k < e; k++) {
                    distance[k] = Wasserstein.w2(outputs[c][e1], exemplars[k]);
                }
                for (int e2 = 0; e2 < e; e2++) {
                    if (e2 == e1) {
                        continue;
                    }
                    triples++;
                    if (distance[e1] < distance[e2]) {
                        closer++;
                    }
                }
            }
        }
        return (double) closer / triples;
    }

    /**
     * Exemplar specificity from images: fits the Lab Gaussians, then as
     * {@link #specificity(Gaussian[], Gaussian[][])} with {@code outputs.get(c).get(e)}.
     */
    public static double specificity(List<RgbImage> exemplars, List<List<RgbImage>> outputs) {
        Gaussian[] ex = exemplars.stream().map(Gaussian::fitLab).toArray(Gaussian[]::new);
        Gaussian[][] out = new Gaussian[outputs.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = outputs.get(c).stream().map(Gaussian::fitLab).toArray(Gaussian[]::new);
        }
        return specificity(ex, out);
    }
}
