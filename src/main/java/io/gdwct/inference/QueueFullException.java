package io.gdwct.inference;

/**
 * The bounded queue in front of the workers is full: the job was refused at once rather than left
 * waiting (load shedding). {@link #retryAfterSeconds()} estimates when a slot frees up.
 */
public final class QueueFullException extends InferenceException {
    private final int queueSize;
    private final long retryAfterSeconds;

    public QueueFullException(int queueSize, long retryAfterSeconds) {
        super("the service is at capacity (" + queueSize + " request(s) already waiting); retry after "
                + retryAfterSeconds + " s");
        this.queueSize = queueSize;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public int queueSize() {
        return queueSize;
    }

    /** At least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
