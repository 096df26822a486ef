package io.gdwct.training;

/**
 * A training step produced a non-finite gradient. Thrown before the update, so the weights and
 * the checkpoints written so far stay finite; the run ends and can be resumed (with other
 * settings) from its last checkpoint.
 */
public final class TrainingDivergedException extends IllegalStateException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
