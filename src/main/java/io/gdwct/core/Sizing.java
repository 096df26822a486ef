package io.gdwct.core;

import io.gdwct.image.ImageResizer;
import io.gdwct.image.ImageTooSmallException;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import java.util.function.UnaryOperator;

/**
 * The sizing rules, the same for the CLI, the service, evaluation and the benchmarks: the content
 * goes to multiple-of-4 sides within {@code maxSide} (untouched when it already is), the exemplar
 * within {@code maxSide} (the style encoder pools globally, so its size is free).
 */
public final class Sizing {
    /** Smallest side either image may have: the style encoder's last reflection pad needs H/8 ≥ 2. */
    public static final int MIN_SIDE = 16;

    private Sizing() {}

    /** @throws ImageTooSmallException if either image is, or becomes, smaller than {@link #MIN_SIDE} */
    public static TranslationRequest prepare(
            RgbImage content, RgbImage exemplar, Direction direction, int maxSide, Strength strength) {
        requireMaxSide(maxSide);
        requireSize(content);
        requireSize(exemplar);
        RgbImage c = ImageResizer.fitForContent(content, maxSide);
        RgbImage e = ImageResizer.fitWithin(exemplar, maxSide);
        requireSize(c);
        requireSize(e);
        return new TranslationRequest(c, e, direction, strength);
    }

    /**
     * The content half of {@link #prepare}, for a content translated with a style code made once
     * ({@link Translation#styleCode}).
     */
    public static RgbImage prepareContent(RgbImage content, int maxSide) {
        return fitChecked(content, maxSide, c -> ImageResizer.fitForContent(c, maxSide));
    }

    /** The exemplar half of {@link #prepare}. */
    public static RgbImage prepareExemplar(RgbImage exemplar, int maxSide) {
        return fitChecked(exemplar, maxSide, e -> ImageResizer.fitWithin(e, maxSide));
    }

    private static RgbImage fitChecked(RgbImage img, int maxSide, UnaryOperator<RgbImage> fit) {
        requireMaxSide(maxSide);
        requireSize(img);
        RgbImage fitted = fit.apply(img);
        requireSize(fitted);
        return fitted;
    }

    private static void requireMaxSide(int maxSide) {
        if (maxSide < MIN_SIDE) {
            throw new IllegalArgumentException("maxSide must be at least " + MIN_SIDE + ", got " + maxSide);
        }
    }

    private static void requireSize(RgbImage img) {
        if (img.width() < MIN_SIDE || img.height() < MIN_SIDE) {
            throw new ImageTooSmallException(img.width(), img.height(), MIN_SIDE);
        }
    }
}
