package io.gdwct.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gdwct.image.ImageResizer;
import io.gdwct.image.RgbImage;
import io.gdwct.inference.ImageTensors;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import io.gdwct.model.GdwctStats;
import io.gdwct.model.nn.Decoder;
import io.gdwct.training.data.ImageFolder;
import io.gdwct.training.report.SampleGrid;
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

    /** Per-sample statistics of the current weights. */
    record Stats(double whiteningError, double coloringOrthogonality) {}

    SampleSet(ImageFolder domainA, ImageFolder domainB, int count, int size) {
        for (int i = 0; i < count; i++) {
            a.add(centreCrop(domainA.image(i * domainA.size() / count), size));
            b.add(centreCrop(domainB.image(i * domainB.size() / count), size));
        }
    }

    private static RgbImage centreCrop(RgbImage img, int size) {
        RgbImage r = ImageResizer.resizeShortSide(img, size, true);
        return ImageResizer.crop(r, (r.width() - size) / 2, (r.height() - size) / 2, size, size);
    }

    /** Writes the grid PNG and returns the mean statistics over the a2b translations. */
    Stats render(GdwctModel model, NDManager parent, Path png) throws IOException {
        List<List<RgbImage>> rows = new ArrayList<>();
        double white = 0;
        double orth = 0;
        try (NDManager m = parent.newSubManager()) {
            for (int i = 0; i < a.size(); i++) {
                NDArray xa = ImageTensors.toTensor(m, a.get(i));
                NDArray xb = ImageTensors.toTensor(m, b.get(i));
                Decoder.Output ab = model.translate(xa, model.styleCode(xb, Direction.A2B), Direction.A2B, 1f, true);
                NDArray ba = model.translate(xb, model.styleCode(xa, Direction.B2A), Direction.B2A, 1f, false).image();
                white += GdwctStats.whiteningError(ab);
                orth += GdwctStats.coloringOrthogonality(ab);
                rows.add(List.of(a.get(i), b.get(i), ImageTensors.toImage(ab.image(), 0), ImageTensors.toImage(ba, 0)));
            }
        }
        SampleGrid.writePng(SampleGrid.compose(rows), png);
        return new Stats(white / a.size(), orth / a.size());
    }
}
