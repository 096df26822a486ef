package io.gdwct.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gdwct.image.RgbImage;
import io.gdwct.inference.ImageTensors;
import io.gdwct.inference.TranslationRequest;
import io.gdwct.model.GdwctModel;
import io.gdwct.model.GdwctStats;
import io.gdwct.model.nn.Decoder;

/**
 * Runs one prepared translation through the model, timing the forward and reading GDWCT's own
 * statistics from the same call.
 *
 * <p><b>Timing</b>: from the exemplar and content tensors being on the device to the output image
 * being back on the host: style encoder, content encoder, decoder, and the copy that makes the host
 * wait for a GPU. Decoding, resizing and scoring images are left out. The decoder is asked for its
 * per-sample covariances in that same call (the statistics must describe the output being scored);
 * they add one (n × HW)·(HW × n) product per group and module, well under 1% of the convolutions.
 *
 * <p><b>Memory</b>: every array of a pair lives in a manager opened and closed here, so nothing
 * accumulates over hundreds of pairs. Callers hold a {@link io.gdwct.model.nn.NoGrad}: without it a
 * fresh thread would record autograd history for every operation.
 */
final class PairTranslator {

    /** The output, the forward time and the model statistics of one translation. */
    record Translated(RgbImage image, double ms, double whiteningError, double coloringOrthogonality) {}

    private final GdwctModel model;

    PairTranslator(GdwctModel model) {
        this.model = model;
    }

    Translated translate(TranslationRequest request) {
        try (NDManager m = NDManager.newBaseManager(model.device())) {
            NDArray content = ImageTensors.toTensor(m, request.content());
            NDArray exemplar = ImageTensors.toTensor(m, request.exemplar());
            long t0 = System.nanoTime();
            NDArray style = model.styleCode(exemplar, request.direction());
            Decoder.Output out = model.translate(content, style, request.direction(), request.strength(), true);
            RgbImage image = ImageTensors.toImage(out.image(), 0);
            double ms = (System.nanoTime() - t0) / 1e6;
            return new Translated(image, ms, GdwctStats.whiteningError(out), GdwctStats.coloringOrthogonality(out));
        }
    }
}
