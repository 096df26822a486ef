package io.gdwct.image;

/**
 * Base of the typed failures of reading an image. Messages are meant for the client: they describe
 * the image, never a server path or an internal class, so the HTTP layer may pass them on as is.
 */
public abstract class ImageException extends RuntimeException {

    protected ImageException(String message) {
        super(message);
    }

    protected ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
