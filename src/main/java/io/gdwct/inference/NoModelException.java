package io.gdwct.inference;

/**
 * No model can serve the request right now: none was found, the one asked for failed to load, or
 * loading and warm-up have not finished yet. A service-side condition (503), not a client error.
 */
public final class NoModelException extends InferenceException {
    public NoModelException(String message) {
        super(message);
    }
}
