package io.gdwct.image;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The bytes are not one of the accepted formats (judged by magic bytes, never by name or content type). */
public class UnsupportedImageFormatException extends ImageException {

    /** The accepted formats as a readable list, e.g. "JPEG, PNG, WEBP, BMP". */
    public static final String ALLOWED = Arrays.stream(ImageFormat.values())
            .map(Enum::name)
            .collect(Collectors.joining(", "));

    public UnsupportedImageFormatException() {
        this("unsupported image format; accepted formats are " + ALLOWED);
    }

    public UnsupportedImageFormatException(String message) {
        super(message);
    }
}
