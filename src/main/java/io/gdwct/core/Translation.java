package io.gdwct.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import io.gdwct.model.GdwctStats;
import io.gdwct.model.nn.Decoder;
import io.gdwct.model.nn.NoGrad;
import java.util.function.Supplier;

/**
 * The forward sequence, written once: image → tensor → style code → content code → decoder →
 * image. Serving, {@code translate}, {@code evaluate}, training's sample grids and {@code bench}
 * all call it, so what one measures is what the others run.
 *
 * <p>Autograd is off for the call (restored after), whatever the calling thread had: inference
 * never needs gradients, and a fresh thread would otherwise record history for every operation.
 */
public final class Translation {

    /** GDWCT's own statistics of one translation (reference §2.3), averaged over every module. */
    public record Stats(double whiteningError, double coloringOrthogonality) {
        static Stats of(Decoder.Output out) {
            return new Stats(GdwctStats.whiteningError(out), GdwctStats.coloringOrthogonality(out));
        }
    }

    /**
     * @param image        the output, the content's size
     * @param stats        the statistics, or null when not asked for
     * @param forwardNanos from the input tensors being on the device to the output image being back
     *                     on the host (decoding, resizing and encoding images are left out)
     */
    public record Result(RgbImage image, Stats stats, long forwardNanos) {
        public double forwardMs() {
            return forwardNanos / 1e6;
        }
    }

    private Translation() {}

    /**
     * Translates one prepared request. Every array lives in {@code manager}; the caller closes it.
     *
     * @param wantStats also compute the whitening/coloring statistics of this very call (one small
     *                  covariance product per group and module, well under 1% of the convolutions)
     */
    public static Result translate(GdwctModel model, NDManager manager, TranslationRequest request, boolean wantStats) {
        try (NoGrad noGrad = new NoGrad()) {
            NDArray content = ImageTensors.toTensor(manager, request.content());
            NDArray exemplar = ImageTensors.toTensor(manager, request.exemplar());
            return timed(wantStats, () -> forward(model, content, exemplar, request.direction(), request.strength(), wantStats));
        }
    }

    /**
     * The style code of one exemplar (already sized, {@link Sizing#prepareExemplar}), on the host: for
     * translating many contents in one style without running the style encoder for each.
     */
    public static StyleCode styleCode(GdwctModel model, RgbImage exemplar, Direction direction) {
        try (NDManager m = NDManager.newBaseManager(model.device()); NoGrad noGrad = new NoGrad()) {
            NDArray code = model.styleCode(ImageTensors.toTensor(m, exemplar), direction);
            return new StyleCode(direction, code.getShape().getShape(), code.toFloatArray());
        }
    }

    /**
     * Translates one content with a style code made beforehand ({@link #styleCode}): the same output
     * as {@link #translate} with the exemplar the code came from. Every array lives in {@code manager};
     * the caller closes it. No statistics.
     *
     * @param content sides multiples of 4 ({@link Sizing#prepareContent} makes them so)
     */
    public static Result translate(GdwctModel model, NDManager manager, RgbImage content, StyleCode style, Strength strength) {
        if (content.width() % 4 != 0 || content.height() % 4 != 0) {
            throw new IllegalArgumentException("content sides must be multiples of 4, got "
                    + content.width() + "x" + content.height());
        }
        try (NoGrad noGrad = new NoGrad()) {
            NDArray c = ImageTensors.toTensor(manager, content);
            NDArray s = style.toArray(manager);
            return timed(false, () -> model.translate(c, s, style.direction(), strength.value(), false));
        }
    }

    /** Runs a forward and brings its image back to the host, timed (see {@link Result#forwardNanos}). */
    private static Result timed(boolean wantStats, Supplier<Decoder.Output> forward) {
        long t0 = System.nanoTime();
        Decoder.Output out = forward.get();
        RgbImage image = ImageTensors.toImage(out.image(), 0);
        long nanos = System.nanoTime() - t0;
        return new Result(image, wantStats ? Stats.of(out) : null, nanos);
    }

    /** {@link #translate} in a manager of its own, opened and closed here. */
    public static Result translate(GdwctModel model, TranslationRequest request, boolean wantStats) {
        try (NDManager m = NDManager.newBaseManager(model.device())) {
            return translate(model, m, request, wantStats);
        }
    }

    /**
     * The tensor-level forward, for callers that already hold tensors (the benchmark).
     *
     * @param content  (B, 3, H, W) in [-1, 1], H and W multiples of 4
     * @param exemplar (B, 3, h, w) in [-1, 1]
     * @return the decoder's output; its image is (B, 3, H, W) in [-1, 1]
     */
    public static Decoder.Output forward(GdwctModel model, NDArray content, NDArray exemplar, Direction direction,
            Strength strength, boolean wantStats) {
        NDArray style = model.styleCode(exemplar, direction);
        return model.translate(content, style, direction, strength.value(), wantStats);
    }
}
