package io.gdwct.inference;

import io.gdwct.image.ImageException;

/**
 * One of the request's images was refused by the decoder. Carries the decoder's typed exception as
 * its cause (which decides the status code) and names the part, so a client with two uploads knows
 * which one is wrong.
 */
public final class ImageInputException extends InferenceException {
    private final String part;
    private final ImageException reason;

    public ImageInputException(String part, ImageException reason) {
        super(part + ": " + reason.getMessage());
        this.part = part;
        this.reason = reason;
    }

    /** "content", "exemplar", or a description when both are concerned. */
    public String part() {
        return part;
    }

    /** The decoder's typed failure. */
    public ImageException reason() {
        return reason;
    }
}
