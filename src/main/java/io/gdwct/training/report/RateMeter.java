package io.gdwct.training.report;

import java.util.function.LongSupplier;

/**
 * Iterations per second over the most recent marks only. A rate since start would be wrong after
 * a resume (the first iteration is not 0) and would hide slow-downs late in a long run.
 */
public final class RateMeter {

    private final long[] iterations;
    private final long[] nanos;
    private final LongSupplier nanoTime;
    private int count;
    private int next;

    /**
     * @param window   how many recent intervals the rate averages over (at least 1)
     * @param nanoTime monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public RateMeter(int window, LongSupplier nanoTime) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        // window intervals need window + 1 marks
        this.iterations = new long[window + 1];
        this.nanos = new long[window + 1];
        this.nanoTime = nanoTime;
    }

    /** Records that {@code iteration} has been reached now. */
    public synchronized void mark(long iteration) {
        iterations[next] = iteration;
        nanos[next] = nanoTime.getAsLong();
        next = (next + 1) % iterations.length;
        count = Math.min(count + 1, iterations.length);
    }

    /** Iterations per second across the window, or NaN until two marks some time apart exist. */
    public synchronized double perSecond() {
        if (count < 2) {
            return Double.NaN;
        }
        int newest = (next - 1 + iterations.length) % iterations.length;
        int oldest = count < iterations.length ? 0 : next;
        long dt = nanos[newest] - nanos[oldest];
        if (dt <= 0) {
            return Double.NaN;
        }
        return (iterations[newest] - iterations[oldest]) * 1e9 / dt;
    }
}
