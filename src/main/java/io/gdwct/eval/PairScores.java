package io.gdwct.eval;

import io.gdwct.eval.metrics.StyleMetrics;
import io.gdwct.image.LuminanceCorrelation;

/**
 * The image metrics of one translation, from the content as the model saw it (resized by
 * {@link io.gdwct.core.Sizing#prepare}, hence the output's size), the output and
 * the exemplar.
 *
 * @param styleRatio W2(output, exemplar) / W2(content, exemplar) on Lab Gaussians: 0 = the
 *     exemplar's colours, 1 = no closer than the content; NaN when content and exemplar share a
 *     Gaussian (nothing to move toward)
 * @param textureRatio the same ratio on the Gabor texture Gaussians
 * @param structure SSIM between output and content luminance (1 = same structure)
 * @param tone Pearson correlation of output and content luminance ({@link LuminanceCorrelation}):
 *     1 = the content's light and dark kept, negative = inverted; NaN for a flat image
 */
public record PairScores(double styleRatio, double textureRatio, double structure, double tone) {

    /**
     * Scores an output.
     *
     * @throws IllegalArgumentException when output and content differ in size (SSIM compares pixels)
     */
    public static PairScores of(ImageStats content, ImageStats output, ImageStats exemplar) {
        return new PairScores(
                StyleMetrics.ratio(content.lab(), output.lab(), exemplar.lab()),
                StyleMetrics.ratio(content.texture(), output.texture(), exemplar.texture()),
                StyleMetrics.structure(content.image(), output.image()),
                LuminanceCorrelation.of(content.image(), output.image()));
    }
}
