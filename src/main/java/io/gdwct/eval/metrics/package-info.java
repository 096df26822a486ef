/**
 * Pure-Java image metrics for scoring style-transfer outputs (no DJL, OpenCV or Quarkus).
 *
 * <ul>
 *   <li><b>Style distance</b>: the 2-Wasserstein distance between Gaussians fitted to the pixels in
 *       CIE Lab ({@link io.gdwct.eval.metrics.Gaussian#fitLab}, {@link io.gdwct.eval.metrics.Wasserstein});
 *       the style ratio is W2(output, exemplar) / W2(content, exemplar).
 *   <li><b>Texture ratio</b>: the same ratio on 12-dimensional Gaussians of absolute Gabor responses
 *       ({@link io.gdwct.eval.metrics.GaborBank}).
 *   <li><b>Structure</b>: SSIM of output against content luminance ({@link io.gdwct.eval.metrics.Ssim}).
 *   <li><b>Exemplar specificity</b>: the fraction of (content, e1, e2) triples in which the output made
 *       with e1 is closer to e1 than to e2 ({@link io.gdwct.eval.metrics.StyleMetrics#specificity}).
 * </ul>
 *
 * <p>{@link io.gdwct.eval.metrics.StyleMetrics} is the entry point; the other classes are the parts.
 *
 * <p>May import: image.
 */
package io.gdwct.eval.metrics;
