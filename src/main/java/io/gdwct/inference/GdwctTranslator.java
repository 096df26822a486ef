package io.gdwct.inference;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;

/**
 * Pre- and post-processing only: a {@link TranslationRequest} to the block's inputs and the
 * output tensor back to an image. Arrays come from the predictor context's manager, which DJL
 * closes after each call, so nothing of one request outlives it.
 */
final class GdwctTranslator implements NoBatchifyTranslator<TranslationRequest, RgbImage> {

    @Override
    public NDList processInput(TranslatorContext ctx, TranslationRequest in) {
        NDManager m = ctx.getNDManager();
        return new NDList(
                ImageTensors.toTensor(m, in.content()),
                ImageTensors.toTensor(m, in.exemplar()),
                m.create(new float[] {in.strength()}),
                m.create(new int[] {in.direction() == Direction.A2B ? 0 : 1}));
    }

    @Override
    public RgbImage processOutput(TranslatorContext ctx, NDList out) {
        return ImageTensors.toImage(out.singletonOrThrow(), 0);
    }
}
