package io.gdwct.inference;

/**
 * A recent average of how long a job takes on a worker: an exponentially weighted moving average
 * (weight 0.2 for the newest job), so a Retry-After estimate follows the load of the last few jobs
 * rather than the whole history. Thread-safe.
 */
final class ServiceTime {
    private static final double WEIGHT = 0.2;
    private double averageNanos;
    private boolean any;

    synchronized void record(long nanos) {
        averageNanos = any ? averageNanos + WEIGHT * (nanos - averageNanos) : nanos;
        any = true;
    }

    /** 0 before the first job. */
    synchronized double averageNanos() {
        return averageNanos;
    }
}
