package io.gdwct.inference;

import ai.djl.inference.Predictor;
import io.gdwct.image.RgbImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One worker's predictors, one per serving model, created on the worker's thread (which turns
 * autograd off there) and warmed up before the worker takes its first job. A model whose warm-up
 * fails is taken out of service in the {@link ModelRegistry}, so readiness shows it.
 */
final class WorkerPredictors implements WorkerResources {
    private static final Logger LOG = Logger.getLogger(WorkerPredictors.class);

    private final Map<String, Predictor<TranslationRequest, RgbImage>> predictors = new LinkedHashMap<>();

    private WorkerPredictors() {}

    /** Runs on the worker thread. */
    static WorkerPredictors open(ModelRegistry registry, List<Integer> warmupSizes) {
        WorkerPredictors w = new WorkerPredictors();
        for (String name : registry.servingNames()) {
            ModelRunner runner = registry.runner(name);
            Predictor<TranslationRequest, RgbImage> p = runner.newPredictor();
            long t0 = System.nanoTime();
            try {
                WarmUp.run(p, warmupSizes);
                w.predictors.put(name, p);
                LOG.infof("Warmed up model '%s' on %s at sizes %s in %d ms", name, Thread.currentThread().getName(),
                        warmupSizes, (System.nanoTime() - t0) / 1_000_000);
            } catch (Exception | Error e) {
                p.close();
                LOG.debugf(e, "warm-up of model '%s'", name);
                registry.markFailed(name, "warm-up failed: " + firstLine(e));
            }
        }
        return w;
    }

    @Override
    public Predictor<TranslationRequest, RgbImage> predictor(String model) {
        Predictor<TranslationRequest, RgbImage> p = predictors.get(model);
        if (p == null) {
            throw new NoModelException("model '" + model + "' is not available on this worker");
        }
        return p;
    }

    @Override
    public void close() {
        predictors.values().forEach(Predictor::close);
        predictors.clear();
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "unexpected error" : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
