package io.gdwct.inference;

import java.time.Duration;

/**
 * When a job must be done by, on the monotonic clock ({@link System#nanoTime()}), so wall-clock
 * changes cannot extend or cut it.
 *
 * @param startNanos the moment the budget started ({@code System.nanoTime()})
 * @param budget     how long the job may take from then, positive
 */
public record Deadline(long startNanos, Duration budget) {

    public Deadline {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("deadline budget must be positive, got " + budget);
        }
    }

    /** A deadline {@code budget} from now. */
    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime(), budget);
    }

    /** Nanoseconds left; zero or negative once passed. */
    public long remainingNanos() {
        return startNanos + budget.toNanos() - System.nanoTime();
    }

    public boolean passed() {
        return remainingNanos() <= 0;
    }
}
