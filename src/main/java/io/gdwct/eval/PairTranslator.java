package io.gdwct.eval;

import io.gdwct.core.Translation;
import io.gdwct.core.TranslationRequest;
import io.gdwct.image.RgbImage;
import io.gdwct.model.GdwctModel;

/**
 * One prepared pair through the translation core ({@link Translation}), timed and with GDWCT's own
 * statistics read from the same call (they must describe the output being scored).
 *
 * <p><b>Timing</b>: from the exemplar and content tensors being on the device to the output image
 * being back on the host: style encoder, content encoder, decoder, and the copy that makes the host
 * wait for a GPU. Decoding, resizing and scoring images are left out.
 *
 * <p><b>Memory</b>: every array of a pair lives in a manager opened and closed by the core, so
 * nothing accumulates over hundreds of pairs.
 */
final class PairTranslator {

    /** The output, the forward time and the model statistics of one translation. */
    record Translated(RgbImage image, double ms, double whiteningError, double coloringOrthogonality) {}

    private final GdwctModel model;

    PairTranslator(GdwctModel model) {
        this.model = model;
    }

    Translated translate(TranslationRequest request) {
        Translation.Result r = Translation.translate(model, request, true);
        return new Translated(r.image(), r.forwardMs(), r.stats().whiteningError(), r.stats().coloringOrthogonality());
    }
}
