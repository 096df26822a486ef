package io.gdwct.image;

import java.util.Objects;

/**
 * What an image's header declares, read without decoding any pixel.
 *
 * <p>Width and height are the stored sizes (before any EXIF orientation is applied) and are longs:
 * a PNG may declare up to 2^31-1 on each side, whose product overflows an int and can overflow
 * even a long for hostile 32-bit fields, hence {@link #pixels()} saturates.
 *
 * @param format the format identified by magic bytes
 * @param width  declared width in pixels, positive
 * @param height declared height in pixels, positive (a bottom-up/top-down BMP gives its absolute value)
 */
public record ImageHeader(ImageFormat format, long width, long height) {

    public ImageHeader {
        Objects.requireNonNull(format, "format");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + "x" + height);
        }
    }

    /** width × height, or {@link Long#MAX_VALUE} if that does not fit in a long. */
    public long pixels() {
        long high = Math.multiplyHigh(width, height);
        long low = width * height;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }
}
