package io.gdwct.training;

import ai.djl.ndarray.NDManager;
import io.gdwct.core.Strength;
import io.gdwct.core.Translation;
import io.gdwct.core.TranslationRequest;
import io.gdwct.image.ImageEncoder;
import io.gdwct.image.ImageResizer;
import io.gdwct.image.LuminanceCorrelation;
import io.gdwct.image.RgbImage;
import io.gdwct.image.grid.SampleGrid;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import io.gdwct.training.data.ImageFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed handful of A and B images (centre crops) translated with the current weights in
 * evaluation mode: the sample grid (content | exemplar | a2b | b2a) and the whitening and
 * coloring statistics that show whether the regularisers are doing their work.
 */
final class SampleSet {
    private final List<RgbImage> a = new ArrayList<>();
    private final List<RgbImage> b = new ArrayList<>();

    /**
     * Per-sample statistics of the current weights.
     *
     * @param tone mean luminance correlation of each a2b translation with its content (training
     *             crops: the tone watch of the validation folders is the number to trust)
     */
    record Stats(double whiteningError, double coloringOrthogonality, double tone) {}

    SampleSet(ImageFolder domainA, ImageFolder domainB, int count, int size) {
        for (int i = 0; i < count; i++) {
            a.add(ImageResizer.centreSquare(domainA.image(i * domainA.size() / count), size));
            b.add(ImageResizer.centreSquare(domainB.image(i * domainB.size() / count), size));
        }
    }

    /** Writes the grid PNG and returns the mean statistics over the a2b translations. */
    Stats render(GdwctModel model, NDManager parent, Path png) throws IOException {
        List<List<RgbImage>> rows = new ArrayList<>();
        double white = 0;
        double orth = 0;
        double tone = 0;
        int toned = 0;
        try (NDManager m = parent.newSubManager()) {
            for (int i = 0; i < a.size(); i++) {
                Translation.Result ab = Translation.translate(model, m,
                        new TranslationRequest(a.get(i), b.get(i), Direction.A2B, Strength.FULL), true);
                Translation.Result ba = Translation.translate(model, m,
                        new TranslationRequest(b.get(i), a.get(i), Direction.B2A, Strength.FULL), false);
                white += ab.stats().whiteningError();
                orth += ab.stats().coloringOrthogonality();
                double r = LuminanceCorrelation.of(ab.image(), a.get(i));
                if (Double.isFinite(r)) {
                    tone += r;
                    toned++;
                }
                rows.add(List.of(a.get(i), b.get(i), ab.image(), ba.image()));
            }
        }
        ImageEncoder.write(SampleGrid.compose(rows), png);
        return new Stats(white / a.size(), orth / a.size(), toned == 0 ? Double.NaN : tone / toned);
    }
}
