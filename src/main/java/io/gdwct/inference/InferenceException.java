package io.gdwct.inference;

/**
 * Base of the typed reasons a translation was refused or abandoned by the inference layer. Messages
 * are written for the client (no paths, no class names): the HTTP layer passes them on as the
 * problem's detail and alone decides the status code.
 */
public abstract class InferenceException extends RuntimeException {
    protected InferenceException(String message) {
        super(message, null, false, false); // expected outcomes: no stack trace to fill or log
    }
}
