package io.gdwct.inference;

import org.jboss.logging.Logger;

/**
 * Sizes libtorch's intra-op thread pool from {@code gdwct.inference.threads-per-worker}. DJL reads
 * the system property {@code ai.djl.pytorch.num_threads} once, when the PyTorch engine loads, so
 * this must run before anything touches the engine. Left alone, libtorch takes every core of the
 * node (not of the container), and workers × threads would oversubscribe the CPU.
 */
final class TorchThreads {
    static final String PROPERTY = "ai.djl.pytorch.num_threads";
    private static final Logger LOG = Logger.getLogger(TorchThreads.class);

    private TorchThreads() {}

    static void apply(int threadsPerWorker) {
        String wanted = Integer.toString(threadsPerWorker);
        String before = System.getProperty(PROPERTY);
        if (before != null && !before.trim().equals(wanted)) {
            LOG.warnf("-D%s=%s is replaced by gdwct.inference.threads-per-worker=%s", PROPERTY, before, wanted);
        }
        System.setProperty(PROPERTY, wanted);
    }
}
