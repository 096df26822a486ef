package io.gdwct.image;

/** A side of the image is shorter than the minimum the caller asked for. */
public class ImageTooSmallException extends ImageException {

    private final long width;
    private final long height;
    private final int minSide;

    public ImageTooSmallException(long width, long height, int minSide) {
        super("image is " + width + "x" + height + "; each side must be at least " + minSide + " pixels");
        this.width = width;
        this.height = height;
        this.minSide = minSide;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    public int minSide() {
        return minSide;
    }
}
