package io.gdwct.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.translate.TranslateException;
import io.gdwct.image.RgbImage;
import io.gdwct.model.GdwctModel;

/**
 * Runs translations of one loaded model through a DJL {@link Predictor}. A predictor is not
 * thread-safe: each inference worker owns one runner per model ({@link #newPredictor}).
 */
public final class ModelRunner implements AutoCloseable {
    private final GdwctModel model;
    private final Model djlModel;

    public ModelRunner(String name, GdwctModel model) {
        this.model = model;
        this.djlModel = Model.newInstance(name, model.device(), "PyTorch");
        djlModel.setBlock(new TranslationBlock(model));
    }

    public GdwctModel model() {
        return model;
    }

    /** A predictor for the calling worker thread (autograd off on that thread: inference only). */
    public Predictor<TranslationRequest, RgbImage> newPredictor() {
        JniUtils.setGradMode(false);
        return djlModel.newPredictor(new GdwctTranslator());
    }

    /** Convenience for single-threaded callers (CLI): one predictor, one call. */
    public RgbImage translateOnce(TranslationRequest request) throws TranslateException {
        try (Predictor<TranslationRequest, RgbImage> p = newPredictor()) {
            return p.predict(request);
        }
    }

    @Override
    public void close() {
        djlModel.close();
    }
}
