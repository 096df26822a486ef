package io.gdwct.inference;

import java.util.concurrent.CompletableFuture;

/** A job admitted to the {@link InferencePool}: what to run, by when, since when, and its caller's future. */
final class PendingJob<T> {
    final InferenceJob<T> job;
    final Deadline deadline;
    final long enqueuedNanos;
    final CompletableFuture<T> future = new CompletableFuture<>();

    PendingJob(InferenceJob<T> job, Deadline deadline, long enqueuedNanos) {
        this.job = job;
        this.deadline = deadline;
        this.enqueuedNanos = enqueuedNanos;
    }
}
