package io.gdwct.image;

/** The bytes claim to be an accepted format but are truncated, inconsistent or undecodable. */
public class CorruptImageException extends ImageException {

    public CorruptImageException(String message) {
        super(message);
    }

    public CorruptImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
