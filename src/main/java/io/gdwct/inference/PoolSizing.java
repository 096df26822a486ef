package io.gdwct.inference;

import java.util.Optional;

/**
 * How many inference workers run and how many PyTorch threads each uses. The defaults never
 * oversubscribe the cores: threads-per-worker = min(cores, 2), workers = max(1, cores / threads), so
 * a 2-core box gets 1 worker × 2 threads. Values set explicitly are obeyed even when workers × threads
 * exceeds the cores ({@link #oversubscribed()} says so, and the caller logs a warning): PyTorch's
 * intra-op threads × workers competing for fewer cores thrash, but an operator may know better
 * (e.g. a GPU does the work).
 *
 * @param workers          worker threads, at least 1
 * @param threadsPerWorker PyTorch intra-op threads ({@code ai.djl.pytorch.num_threads}), at least 1
 * @param cores            the processors the JVM sees
 */
public record PoolSizing(int workers, int threadsPerWorker, int cores) {

    public PoolSizing {
        if (workers < 1) {
            throw new IllegalArgumentException("gdwct.inference.workers must be at least 1, got " + workers);
        }
        if (threadsPerWorker < 1) {
            throw new IllegalArgumentException(
                    "gdwct.inference.threads-per-worker must be at least 1, got " + threadsPerWorker);
        }
    }

    /** Fills in the defaults for whatever was not set. */
    public static PoolSizing resolve(Optional<Integer> workers, Optional<Integer> threadsPerWorker, int cores) {
        int c = Math.max(1, cores);
        int threads = threadsPerWorker.orElse(Math.min(c, 2));
        int w = workers.orElse(Math.max(1, c / Math.max(1, threads)));
        return new PoolSizing(w, threads, c);
    }

    public static PoolSizing from(ServiceConfig.Inference config) {
        return resolve(config.workers(), config.threadsPerWorker(), Runtime.getRuntime().availableProcessors());
    }

    /** True when workers × threads exceeds the cores. */
    public boolean oversubscribed() {
        return (long) workers * threadsPerWorker > cores;
    }

    @Override
    public String toString() {
        return workers + " worker(s) x " + threadsPerWorker + " thread(s) on " + cores + " core(s)";
    }
}
