package io.gdwct.inference;

/**
 * What one worker thread may run: the models that warmed up on it. Opened on the worker's own
 * thread (the first forwards per shape are slow, and a worker should pay that before traffic);
 * closed when the worker exits.
 */
public interface WorkerResources extends AutoCloseable {

    /**
     * @throws NoModelException if this worker has no runner for the model (it failed to load or warm up)
     */
    ModelRunner runner(String model);

    @Override
    void close();

    /** Resources with no model at all: for pools that run plain jobs (tests). */
    static WorkerResources none() {
        return new WorkerResources() {
            @Override
            public ModelRunner runner(String model) {
                throw new NoModelException("no model loaded");
            }

            @Override
            public void close() {}
        };
    }
}
