package io.gdwct.eval;

import io.gdwct.eval.metrics.GaborBank;
import io.gdwct.eval.metrics.Gaussian;
import io.gdwct.image.RgbImage;

/**
 * An image with the two Gaussians the style metrics compare: its CIE Lab pixel Gaussian and its
 * Gabor texture Gaussian (standard bank). Fitting them is the costly part of scoring (the texture
 * one runs a 12-filter bank), so an evaluation fits each content and exemplar once and reuses the
 * result for every pair it takes part in.
 */
public record ImageStats(RgbImage image, Gaussian lab, Gaussian texture) {

    /** Fits both Gaussians of {@code image}. */
    public static ImageStats of(RgbImage image) {
        return new ImageStats(image, Gaussian.fitLab(image), GaborBank.standard().textureGaussian(image));
    }
}
