package io.gdwct.inference;

/** The pool stopped accepting jobs because the service is shutting down. */
public final class ShuttingDownException extends InferenceException {
    public ShuttingDownException() {
        super("the service is shutting down; retry on another instance");
    }
}
