package io.gdwct.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Turns untrusted bytes into an upright 8-bit {@link RgbImage} ({@code (H, W, 3)} interleaved), or
 * fails with a typed {@link ImageException}. The checks run cheapest first:
 *
 * <ol>
 *   <li>empty → {@link CorruptImageException}; magic bytes not JPEG/PNG/WebP/BMP →
 *       {@link UnsupportedImageFormatException} (names and content types are never trusted);</li>
 *   <li>header width × height above the limit → {@link ImageTooLargeException}, before any pixel is
 *       decoded (a bomb costs microseconds); a side under the minimum → {@link ImageTooSmallException};</li>
 *   <li>structure complete (JPEG ends with EOI, PNG chunks fit up to IEND, WebP RIFF size, BMP pixel
 *       data) → else {@link CorruptImageException}: OpenCV decodes a truncated JPEG with only a warning;</li>
 *   <li>OpenCV {@code imdecode(IMREAD_UNCHANGED)}: an empty result, a {@link CvException} or a size
 *       different from the header's → {@link CorruptImageException};</li>
 *   <li>conversion to RGB (16-bit → 8-bit, grey → RGB, alpha composited over white, see
 *       {@link MatConversions#fromDecoded}), then the EXIF orientation is applied (see
 *       {@link ExifOrientation}), so width and height are swapped for orientations 5 to 8.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe. Every native Mat is released before returning.
 */
public final class ImageDecoder {

    private final long maxPixels;
    private final int minSide;

    /** A decoder accepting at most {@code maxPixels} pixels and any side of at least 1 pixel. */
    public ImageDecoder(long maxPixels) {
        this(maxPixels, 1);
    }

    /**
     * @param maxPixels the largest width × height accepted (positive)
     * @param minSide   the shortest side accepted, in pixels (at least 1)
     */
    public ImageDecoder(long maxPixels, int minSide) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (minSide < 1) {
            throw new IllegalArgumentException("minSide must be at least 1, got " + minSide);
        }
        this.maxPixels = maxPixels;
        this.minSide = minSide;
        OpenCvLoader.ensureLoaded(); // here, so the first decode is not half a second slower
    }

    public long maxPixels() {
        return maxPixels;
    }

    public int minSide() {
        return minSide;
    }

    /**
     * Decodes a whole image file.
     *
     * @throws ImageException (one of its subclasses) for anything wrong with the bytes
     */
    public RgbImage decode(byte[] bytes) {
        return decode(bytes, checkHeader(bytes));
    }

    /**
     * The cheap check, before any pixel is decoded (microseconds): the header is readable and its
     * size within this decoder's limits. The size rules live here only.
     *
     * @throws ImageException (one of its subclasses) for an unsupported, corrupt, too large or too small header
     */
    public ImageHeader checkHeader(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ImageHeader header = ImageHeaders.read(bytes);
        checkSize(header.width(), header.height());
        return header;
    }

    /**
     * Decodes bytes whose header {@link #checkHeader} already accepted, so an upload's header is
     * parsed once however many stages it goes through.
     *
     * @param checked what {@link #checkHeader} returned for these very bytes
     * @throws ImageException (one of its subclasses) for anything wrong with the bytes
     */
    public RgbImage decode(byte[] bytes, ImageHeader checked) {
        Objects.requireNonNull(bytes, "bytes");
        ImageHeader header = Objects.requireNonNull(checked, "checked");
        ImageHeaders.checkComplete(header, bytes);
        int orientation = ExifOrientation.read(header.format(), bytes);
        return ExifOrientation.apply(decodePixels(bytes, header), orientation);
    }

    /** Reads a file and {@link #decode}s it. */
    public RgbImage read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    private void checkSize(long width, long height) {
        // w·h > max  ⇔  w > ⌊max / h⌋ for positive integers, and this form cannot overflow
        if (width > maxPixels / height) {
            throw new ImageTooLargeException(width, height, maxPixels);
        }
        if (width < minSide || height < minSide) {
            throw new ImageTooSmallException(width, height, minSide);
        }
    }

    private RgbImage decodePixels(byte[] bytes, ImageHeader header) {
        MatOfByte buffer = new MatOfByte(bytes);
        Mat decoded = null;
        try {
            decoded = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_UNCHANGED);
            if (decoded.empty()) {
                throw new CorruptImageException("corrupt " + header.format() + ": the image data could not be decoded");
            }
            if (decoded.cols() != header.width() || decoded.rows() != header.height()) {
                throw new CorruptImageException("corrupt " + header.format() + ": decoded size "
                        + decoded.cols() + "x" + decoded.rows() + " differs from the declared "
                        + header.width() + "x" + header.height());
            }
            checkSize(decoded.cols(), decoded.rows()); // defence in depth: never trust one parser alone
            return MatConversions.fromDecoded(decoded);
        } catch (CvException e) {
            // OpenCV's message carries build paths; keep it as the cause only
            throw new CorruptImageException("corrupt " + header.format() + ": the image data could not be decoded", e);
        } finally {
            buffer.release();
            if (decoded != null) {
                decoded.release();
            }
        }
    }
}
