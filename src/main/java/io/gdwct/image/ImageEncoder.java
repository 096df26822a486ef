package io.gdwct.image;

import io.gdwct.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Encodes {@link RgbImage}s to JPEG, PNG, WebP or BMP bytes and files (OpenCV). */
public final class ImageEncoder {

    /** Quality used by {@link #write(RgbImage, Path)} for JPEG and WebP. */
    public static final int DEFAULT_QUALITY = 95;

    /** zlib level 3: near level 9's size for photos at a fraction of the time (OpenCV's default is 1). */
    private static final int PNG_COMPRESSION = 3;

    private ImageEncoder() {
    }

    /**
     * @param quality 1..100 for JPEG and lossy WebP; ignored for PNG (lossless, compression level 3)
     *                and BMP (uncompressed)
     */
    public static byte[] encode(RgbImage img, ImageFormat format, int quality) {
        if (img == null || format == null) {
            throw new IllegalArgumentException("img and format must not be null");
        }
        int[] params = switch (format) {
            case JPEG -> new int[] {Imgcodecs.IMWRITE_JPEG_QUALITY, checkQuality(quality)};
            case WEBP -> new int[] {Imgcodecs.IMWRITE_WEBP_QUALITY, checkQuality(quality)};
            case PNG -> new int[] {Imgcodecs.IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION};
            case BMP -> new int[0];
        };
        OpenCvLoader.ensureLoaded();
        Mat rgb = MatConversions.toMat(img);
        Mat bgr = new Mat();
        MatOfInt paramMat = new MatOfInt(params);
        MatOfByte out = new MatOfByte();
        try {
            Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR); // OpenCV's encoders expect BGR
            if (!Imgcodecs.imencode("." + format.extension(), bgr, out, paramMat)) {
                throw new IllegalStateException("OpenCV could not encode " + format);
            }
            return out.toArray();
        } finally {
            rgb.release();
            bgr.release();
            paramMat.release();
            out.release();
        }
    }

    /** Writes the image in the format named by the file's extension, at {@link #DEFAULT_QUALITY}. */
    public static void write(RgbImage img, Path file) throws IOException {
        write(img, file, DEFAULT_QUALITY);
    }

    /**
     * Writes the image in the format named by the file's extension (jpg, jpeg, png, webp, bmp; any case).
     * Atomic: the bytes go to a temporary file in the same folder, which is then moved over the
     * target, so a reader never sees half a file.
     *
     * @throws IllegalArgumentException for an unknown extension
     */
    public static void write(RgbImage img, Path file, int quality) throws IOException {
        ImageFormat format = ImageFormat.fromFileName(file).orElseThrow(() -> new IllegalArgumentException(
                "file must end with .jpg, .jpeg, .png, .webp or .bmp, got " + file));
        AtomicFiles.write(file, encode(img, format, quality), AtomicFiles.Durability.ATOMIC);
    }

    private static int checkQuality(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, got " + quality);
        }
        return quality;
    }
}
