package io.gdwct.training;

import ai.djl.ndarray.NDManager;
import io.gdwct.core.Strength;
import io.gdwct.core.Translation;
import io.gdwct.core.TranslationRequest;
import io.gdwct.image.ImageResizer;
import io.gdwct.image.LuminanceCorrelation;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import io.gdwct.training.data.ImageFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches a run for the tone-inverting mode of GAN training (issue 11: a bright sky rendered dark,
 * a stable cycle-consistent solution that a seed can fall into within 250 iterations): every A
 * image of a fixed validation set translated (A→B) with every B exemplar, and the Pearson
 * correlation of output and content luminance measured per pair.
 *
 * <p>The pairs are centre crops at the training size, so that the reading costs a few forwards
 * and follows the run from iteration to iteration, not the images.
 */
final class ToneWatch {
    /** Most images taken from each validation folder (evenly spaced), so at most 5 × 4 pairs. */
    static final int MAX_CONTENTS = 5;
    static final int MAX_EXEMPLARS = 4;

    /**
     * One reading.
     *
     * @param mean     mean correlation over the pairs with a defined one (NaN when none)
     * @param lowShare fraction of those pairs below {@link LuminanceCorrelation#LOW}
     * @param pairs    pairs with a defined correlation
     */
    record Reading(double mean, double lowShare, int pairs) {
        /** The mode to warn about: the mean below the threshold, or most pairs below it. */
        boolean inverted() {
            return (Double.isFinite(mean) && mean < LuminanceCorrelation.LOW) || lowShare > 0.5;
        }
    }

    private final List<RgbImage> contents;
    private final List<RgbImage> exemplars;

    ToneWatch(List<RgbImage> contents, List<RgbImage> exemplars) {
        if (contents.isEmpty() || exemplars.isEmpty()) {
            throw new IllegalArgumentException("the tone watch needs at least one content and one exemplar");
        }
        this.contents = List.copyOf(contents);
        this.exemplars = List.copyOf(exemplars);
    }

    /** Up to {@link #MAX_CONTENTS} × {@link #MAX_EXEMPLARS} centre crops of side {@code size} from two folders. */
    static ToneWatch of(Path folderA, Path folderB, int size) {
        return new ToneWatch(crops(ImageFolder.load(folderA, 1, size), MAX_CONTENTS, size),
                crops(ImageFolder.load(folderB, 1, size), MAX_EXEMPLARS, size));
    }

    private static List<RgbImage> crops(ImageFolder folder, int max, int size) {
        int n = Math.min(max, folder.size());
        List<RgbImage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ImageResizer.centreSquare(folder.image(i * folder.size() / n), size));
        }
        return out;
    }

    /** Translates every pair with the current weights; call without gradient recording. */
    Reading measure(GdwctModel model, NDManager parent) {
        double sum = 0;
        int defined = 0;
        int low = 0;
        try (NDManager m = parent.newSubManager()) {
            for (RgbImage content : contents) {
                for (RgbImage exemplar : exemplars) {
                    try (NDManager pair = m.newSubManager()) {
                        RgbImage out = Translation.translate(model, pair,
                                new TranslationRequest(content, exemplar, Direction.A2B, Strength.FULL), false).image();
                        double r = LuminanceCorrelation.of(out, content);
                        if (Double.isFinite(r)) {
                            sum += r;
                            defined++;
                            low += r < LuminanceCorrelation.LOW ? 1 : 0;
                        }
                    }
                }
            }
        }
        return defined == 0 ? new Reading(Double.NaN, 0, 0) : new Reading(sum / defined, (double) low / defined, defined);
    }

    /**
     * The warning for this sample step, or null when the tones look kept. The validation reading
     * decides when there is one; else the sample grid's training crops (weaker evidence: seen images).
     */
    static String warning(long iteration, double sampleTone, Reading validation) {
        String what;
        if (validation != null) {
            if (!validation.inverted()) {
                return null;
            }
            what = String.format(Locale.ROOT, "validation tone %.3f, %.0f %% of %d pairs below %.1f",
                    validation.mean(), 100 * validation.lowShare(), validation.pairs(), LuminanceCorrelation.LOW);
        } else {
            if (!(sampleTone < LuminanceCorrelation.LOW)) {
                return null;
            }
            what = String.format(Locale.ROOT, "sample-grid tone %.3f (training crops; give --val-a/--val-b"
                    + " for a validation reading)", sampleTone);
        }
        return String.format(Locale.ROOT, "TONES INVERTED at iteration %d: %s. The translations no longer keep"
                + " the photo's light and dark (a bright sky comes out dark); GAN training can settle in this"
                + " mode for good. Do not build on this run: restart with another --seed or with"
                + " --lambda-structure (docs/implementation-notes.md, \"Tone inversion\").", iteration, what);
    }
}
