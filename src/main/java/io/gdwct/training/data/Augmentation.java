package io.gdwct.training.data;

import io.gdwct.image.ImageResizer;
import io.gdwct.image.RgbImage;
import java.util.random.RandomGenerator;

/**
 * The training augmentation of the official GDWCT loader: {@code Resize(resizeShortSide, BICUBIC)},
 * {@code RandomCrop(imageSize)}, {@code RandomHorizontalFlip(flipProbability)}, plus an optional random
 * scale of the resized short side (off by default), which helps small domains such as a few paintings.
 *
 * @param imageSize       side of the square crop fed to the networks (the official 216)
 * @param resizeShortSide short side after resizing, before the crop (at least {@code imageSize})
 * @param flipProbability chance of a horizontal flip, 0..1
 * @param minScale        lower bound of the random factor on {@code resizeShortSide} (positive)
 * @param maxScale        upper bound (at least {@code minScale}); (1, 1) means no random scale
 */
public record Augmentation(int imageSize, int resizeShortSide, double flipProbability, double minScale, double maxScale) {

    public Augmentation {
        if (imageSize < 1) {
            throw new IllegalArgumentException("imageSize must be positive, got " + imageSize);
        }
        if (resizeShortSide < imageSize) {
            throw new IllegalArgumentException("resizeShortSide must be at least imageSize (" + imageSize + "), got "
                    + resizeShortSide);
        }
        if (!(flipProbability >= 0 && flipProbability <= 1)) {
            throw new IllegalArgumentException("flipProbability must be in [0, 1], got " + flipProbability);
        }
        if (!(minScale > 0 && maxScale >= minScale && maxScale < 100)) {
            throw new IllegalArgumentException("scale range must satisfy 0 < minScale <= maxScale < 100, got ["
                    + minScale + ", " + maxScale + "]");
        }
    }

    /** The official setting: resize the short side to {@code imageSize}, crop, flip with probability 0.5. */
    public static Augmentation of(int imageSize) {
        return new Augmentation(imageSize, imageSize, 0.5, 1, 1);
    }

    public Augmentation withResizeShortSide(int shortSide) {
        return new Augmentation(imageSize, shortSide, flipProbability, minScale, maxScale);
    }

    public Augmentation withFlipProbability(double p) {
        return new Augmentation(imageSize, resizeShortSide, p, minScale, maxScale);
    }

    public Augmentation withScaleRange(double min, double max) {
        return new Augmentation(imageSize, resizeShortSide, flipProbability, min, max);
    }

    /**
     * The largest short side {@link #apply} can resize to, or twice the crop if that is larger: source
     * images downscaled to this lose nothing the augmentation could use, yet keep resampling quality.
     */
    public int cacheShortSide() {
        return Math.max(2 * imageSize, (int) Math.ceil(resizeShortSide * maxScale));
    }

    /**
     * One augmented {@code imageSize} × {@code imageSize} sample. Draws, in this order: the scale (only if
     * the range is not a point), the crop's x, its y, the flip; so the result is a pure function of the
     * source and the generator's state.
     */
    public RgbImage apply(RgbImage src, RandomGenerator rng) {
        double scale = minScale == maxScale ? minScale : minScale + rng.nextDouble() * (maxScale - minScale);
        // a scale below 1 must still leave enough to crop from
        int shortSide = Math.max(imageSize, (int) Math.round(resizeShortSide * scale));
        RgbImage resized = ImageResizer.resizeShortSide(src, shortSide, true);
        int x = rng.nextInt(resized.width() - imageSize + 1);
        int y = rng.nextInt(resized.height() - imageSize + 1);
        RgbImage crop = ImageResizer.crop(resized, x, y, imageSize, imageSize);
        return rng.nextDouble() < flipProbability ? ImageResizer.flipHorizontal(crop) : crop;
    }
}
