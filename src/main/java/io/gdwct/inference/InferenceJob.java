package io.gdwct.inference;

/**
 * A unit of work for the {@link InferencePool}, run on one of its worker threads with that
 * worker's own resources (its warmed-up models). Long jobs call {@link JobContext#ensureActive()} between
 * stages so that a job whose deadline passed or whose client went away stops early.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface InferenceJob<T> {
    T run(JobContext context) throws Exception;
}
