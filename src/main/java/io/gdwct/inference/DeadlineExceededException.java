package io.gdwct.inference;

import java.time.Duration;

/** The job's deadline passed before it finished; if it had not started, it was dropped without computing. */
public final class DeadlineExceededException extends InferenceException {
    public DeadlineExceededException(Duration budget) {
        super("the translation did not finish within its deadline of " + format(budget));
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
