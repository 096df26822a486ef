package io.gdwct.inference;

import io.gdwct.core.Translation;
import io.gdwct.core.TranslationRequest;
import io.gdwct.image.RgbImage;
import io.gdwct.model.GdwctModel;

/**
 * One loaded model as serving runs it: each call goes through the translation core in a manager of
 * its own, closed when the call returns, so nothing of one request outlives it. Safe to call from
 * several worker threads: the model's weights are frozen and only read.
 *
 * @param name  the model's name in the registry
 * @param model the loaded model; its owner (the registry) closes it
 */
public record ModelRunner(String name, GdwctModel model) implements AutoCloseable {

    /** Translates one prepared request (no statistics). */
    public RgbImage translate(TranslationRequest request) {
        return Translation.translate(model, request, false).image();
    }

    /** Same as {@link #translate}: the CLI's single call. */
    public RgbImage translateOnce(TranslationRequest request) {
        return translate(request);
    }

    /** Holds nothing of its own (no DJL Model or predictor): the model's owner closes the model. */
    @Override
    public void close() {}
}
