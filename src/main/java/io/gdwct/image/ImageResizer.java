package io.gdwct.image;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Geometry on {@link RgbImage}s: resampling (OpenCV), crops and flips (plain Java). Inputs are never
 * modified; a method may return its input when nothing would change.
 *
 * <p>Interpolation: shrinking uses {@code INTER_AREA} (averages the covered source pixels, so no
 * aliasing); enlarging uses {@code INTER_CUBIC}.
 */
public final class ImageResizer {

    private ImageResizer() {
    }

    /**
     * Fits a content image for the generator, which needs both sides to be multiples of 4 (two stride-2
     * downsamplings, then two upsamplings back to the input size).
     *
     * <p>An image whose sides are already multiples of 4 and at most {@code maxSide} is returned as is
     * (same instance, no resampling). Otherwise, with limit = the largest multiple of 4 not above
     * {@code maxSide}, scale = min(1, limit / max(w, h)) and each side becomes the multiple of 4 nearest
     * to side × scale, clamped to [4, limit]; the aspect ratio is kept as closely as that rounding allows.
     * (Scaling to the limit rather than to {@code maxSide} itself only differs when {@code maxSide} is
     * not a multiple of 4; it avoids squeezing the long side back after rounding.)
     *
     * @param maxSide the longest side allowed, at least 4
     */
    public static RgbImage fitForContent(RgbImage img, int maxSide) {
        requireImage(img);
        if (maxSide < 4) {
            throw new IllegalArgumentException("maxSide must be at least 4, got " + maxSide);
        }
        int w = img.width();
        int h = img.height();
        if (w % 4 == 0 && h % 4 == 0 && w <= maxSide && h <= maxSide) {
            return img;
        }
        int limit = maxSide / 4 * 4;
        double scale = Math.min(1.0, (double) limit / Math.max(w, h));
        return resize(img, nearestMultipleOf4(w * scale, limit), nearestMultipleOf4(h * scale, limit));
    }

    /**
     * Fits an exemplar (style) image: downscales only if a side exceeds {@code maxSide}, keeping the
     * aspect ratio (the longer side becomes {@code maxSide}); no multiple-of-4 rule.
     */
    public static RgbImage fitWithin(RgbImage img, int maxSide) {
        requireImage(img);
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be positive, got " + maxSide);
        }
        int w = img.width();
        int h = img.height();
        if (w <= maxSide && h <= maxSide) {
            return img;
        }
        double scale = (double) maxSide / Math.max(w, h);
        return resize(img, Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)));
    }

    /** Resamples to exactly {@code width} × {@code height} (area when shrinking, bicubic otherwise). */
    public static RgbImage resize(RgbImage img, int width, int height) {
        requireImage(img);
        requireSize(width, height);
        if (width == img.width() && height == img.height()) {
            return img;
        }
        boolean shrinking = width <= img.width() && height <= img.height();
        return resample(img, width, height, shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
    }

    /**
     * Scales so that the shorter side is {@code shortSide}, keeping the aspect ratio, like torchvision's
     * {@code Resize(shortSide)}: the longer side becomes {@code (int) (shortSide * long / short)}.
     *
     * @param bicubic true for bicubic (the official {@code Resize(..., BICUBIC)}), false for bilinear. PIL,
     *                which torchvision uses, widens the kernel when shrinking (antialiasing); OpenCV does
     *                not, so shrinks by more than 2× first go through {@code INTER_AREA} to twice the target.
     */
    public static RgbImage resizeShortSide(RgbImage img, int shortSide, boolean bicubic) {
        requireImage(img);
        if (shortSide < 1) {
            throw new IllegalArgumentException("shortSide must be positive, got " + shortSide);
        }
        int w = img.width();
        int h = img.height();
        boolean wide = w >= h;
        int shorter = wide ? h : w;
        int longer = wide ? w : h;
        int newLong = Math.max(1, (int) ((long) shortSide * longer / shorter));
        int tw = wide ? newLong : shortSide;
        int th = wide ? shortSide : newLong;
        if (tw == w && th == h) {
            return img;
        }
        RgbImage src = img;
        if (tw * 2L < w && th * 2L < h) {
            src = resample(img, tw * 2, th * 2, Imgproc.INTER_AREA);
        }
        return resample(src, tw, th, bicubic ? Imgproc.INTER_CUBIC : Imgproc.INTER_LINEAR);
    }

    /** The centre {@code side} × {@code side} square after the short side is resized (bicubic) to {@code side}. */
    public static RgbImage centreSquare(RgbImage img, int side) {
        RgbImage r = resizeShortSide(img, side, true);
        return crop(r, (r.width() - side) / 2, (r.height() - side) / 2, side, side);
    }

    /** The {@code width} × {@code height} region whose top-left corner is ({@code x}, {@code y}). */
    public static RgbImage crop(RgbImage img, int x, int y, int width, int height) {
        requireImage(img);
        requireSize(width, height);
        if (x < 0 || y < 0 || (long) x + width > img.width() || (long) y + height > img.height()) {
            throw new IllegalArgumentException("crop x=" + x + ", y=" + y + ", width=" + width + ", height=" + height
                    + " does not fit in a " + img.width() + "x" + img.height() + " image");
        }
        byte[] out = new byte[width * height * 3];
        for (int row = 0; row < height; row++) {
            System.arraycopy(img.rgb(), ((y + row) * img.width() + x) * 3, out, row * width * 3, width * 3);
        }
        return new RgbImage(width, height, out);
    }

    /** The mirror image (left and right swapped). */
    public static RgbImage flipHorizontal(RgbImage img) {
        requireImage(img);
        int w = img.width();
        byte[] src = img.rgb();
        byte[] out = new byte[src.length];
        for (int y = 0; y < img.height(); y++) {
            int row = y * w * 3;
            for (int x = 0; x < w; x++) {
                int s = row + x * 3;
                int d = row + (w - 1 - x) * 3;
                out[d] = src[s];
                out[d + 1] = src[s + 1];
                out[d + 2] = src[s + 2];
            }
        }
        return new RgbImage(w, img.height(), out);
    }

    static int nearestMultipleOf4(double side, int limit) {
        int rounded = (int) Math.round(side / 4.0) * 4;
        return Math.max(4, Math.min(limit, rounded));
    }

    private static RgbImage resample(RgbImage img, int width, int height, int interpolation) {
        OpenCvLoader.ensureLoaded();
        Mat src = MatConversions.toMat(img);
        Mat dst = new Mat();
        try {
            Imgproc.resize(src, dst, new Size(width, height), 0, 0, interpolation);
            return MatConversions.fromRgbMat(dst);
        } finally {
            src.release();
            dst.release();
        }
    }

    private static void requireImage(RgbImage img) {
        if (img == null) {
            throw new IllegalArgumentException("img must not be null");
        }
    }

    private static void requireSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + "x" + height);
        }
    }
}
