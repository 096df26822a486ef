package io.gdwct.inference;

import java.util.concurrent.CompletableFuture;

/** What a running {@link InferenceJob} sees: its worker's resources and its own liveness. */
public final class JobContext {
    private final WorkerResources resources;
    private final CompletableFuture<?> future;
    private final Deadline deadline;

    JobContext(WorkerResources resources, CompletableFuture<?> future, Deadline deadline) {
        this.resources = resources;
        this.future = future;
        this.deadline = deadline;
    }

    /** The calling worker's resources; never shared with another thread. */
    public WorkerResources resources() {
        return resources;
    }

    /**
     * Stops a job that nobody waits for any more.
     *
     * @throws DeadlineExceededException if the deadline passed or the caller gave up (cancelled)
     */
    public void ensureActive() {
        if (future.isDone() || deadline.passed()) {
            throw new DeadlineExceededException(deadline.budget());
        }
    }
}
