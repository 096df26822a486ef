package io.gdwct.inference;

import ai.djl.inference.Predictor;
import io.gdwct.image.RgbImage;

/**
 * What one worker thread owns for its whole life: a DJL {@link Predictor} per model (predictors are
 * not thread-safe, so none is shared). Opened on the worker's own thread, which matters because
 * PyTorch's grad mode is per thread; closed when the worker exits.
 */
public interface WorkerResources extends AutoCloseable {

    /**
     * @throws NoModelException if this worker has no predictor for the model (it failed to load or warm up)
     */
    Predictor<TranslationRequest, RgbImage> predictor(String model);

    @Override
    void close();

    /** Resources with no predictor at all: for pools that run plain jobs (tests). */
    static WorkerResources none() {
        return new WorkerResources() {
            @Override
            public Predictor<TranslationRequest, RgbImage> predictor(String model) {
                throw new NoModelException("no model loaded");
            }

            @Override
            public void close() {}
        };
    }
}
