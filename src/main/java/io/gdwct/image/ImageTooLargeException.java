package io.gdwct.image;

import java.math.BigInteger;

/**
 * The image declares more pixels than allowed. Raised from the header alone, before any pixel is
 * decoded, so a decompression bomb costs microseconds rather than gigabytes.
 */
public class ImageTooLargeException extends ImageException {

    private final long maxPixels;
    private final long width;
    private final long height;

    public ImageTooLargeException(long width, long height, long maxPixels) {
        // BigInteger: two 32-bit header fields can multiply past Long.MAX_VALUE
        super("image is " + width + "x" + height + " = "
                + BigInteger.valueOf(width).multiply(BigInteger.valueOf(height))
                + " pixels; the limit is " + maxPixels);
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }
}
