package io.gdwct.inference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One worker's serving models, each warmed up on the worker's thread before it takes its first
 * job. A model whose warm-up fails is taken out of service in the {@link ModelRegistry}, so
 * readiness shows it.
 */
final class WorkerModels implements WorkerResources {
    private static final Logger LOG = Logger.getLogger(WorkerModels.class);

    private final Map<String, ModelRunner> runners = new LinkedHashMap<>();

    private WorkerModels() {}

    /** Runs on the worker thread. */
    static WorkerModels open(ModelRegistry registry, List<Integer> warmupSizes) {
        WorkerModels w = new WorkerModels();
        for (String name : registry.servingNames()) {
            ModelRunner runner = registry.runner(name);
            long t0 = System.nanoTime();
            try {
                WarmUp.run(runner, warmupSizes);
                w.runners.put(name, runner);
                LOG.infof("Warmed up model '%s' on %s at sizes %s in %d ms", name, Thread.currentThread().getName(),
                        warmupSizes, (System.nanoTime() - t0) / 1_000_000);
            } catch (Exception | Error e) {
                LOG.debugf(e, "warm-up of model '%s'", name);
                registry.markFailed(name, "warm-up failed: " + firstLine(e));
            }
        }
        return w;
    }

    @Override
    public ModelRunner runner(String model) {
        ModelRunner r = runners.get(model);
        if (r == null) {
            throw new NoModelException("model '" + model + "' is not available on this worker");
        }
        return r;
    }

    @Override
    public void close() {
        runners.clear();
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
