package io.gdwct.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

class ImageHeadersTest {

    private final ImageDecoder decoder = new ImageDecoder(40_000_000);

    @Test
    void headerSizeMatchesDecodedSizeForEveryFormat() {
        for (String name : new String[] {TestImages.PHOTO, TestImages.PHOTO_WIDE, TestImages.PAINTING}) {
            RgbImage img = decoder.decode(TestImages.resource(name));
            for (ImageFormat format : ImageFormat.values()) {
                byte[] bytes = ImageEncoder.encode(img, format, 90);
                ImageHeader header = ImageHeaders.read(bytes);
                RgbImage decoded = decoder.decode(bytes);
                assertEquals(new ImageHeader(format, decoded.width(), decoded.height()), header, name + " " + format);
                assertEquals(img.width(), decoded.width());
                assertEquals(img.height(), decoded.height());
            }
        }
    }

    @Test
    void losslessWebpHeader() {
        RgbImage img = TestImages.gradient(37, 23);
        byte[] webp = encodeWithOpenCv(img, ".webp", Imgcodecs.IMWRITE_WEBP_QUALITY, 101); // > 100 = lossless
        assertEquals("VP8L", new String(webp, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(new ImageHeader(ImageFormat.WEBP, 37, 23), ImageHeaders.read(webp));
        assertEquals(0, TestImages.maxDiff(img, decoder.decode(webp)));
    }

    @Test
    void extendedWebpHeader() {
        RgbImage img = TestImages.gradient(50, 30);
        byte[] simple = ImageEncoder.encode(img, ImageFormat.WEBP, 90);
        byte[] extended = TestImages.webpExtendedWithExif(simple, 50, 30, TestImages.tiffWithOrientation(1, true));
        assertEquals("VP8X", new String(extended, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(new ImageHeader(ImageFormat.WEBP, 50, 30), ImageHeaders.read(extended));
        assertEquals(0, TestImages.maxDiff(decoder.decode(simple), decoder.decode(extended)));
    }

    @Test
    void topDownBmpHasNegativeHeightAndDecodesTheSame() {
        RgbImage img = TestImages.gradient(30, 20);
        byte[] bottomUp = ImageEncoder.encode(img, ImageFormat.BMP, 0);
        ByteBuffer b = ByteBuffer.wrap(bottomUp).order(ByteOrder.LITTLE_ENDIAN);
        int offset = b.getInt(10);
        int stride = (30 * 3 + 3) / 4 * 4;
        byte[] topDown = bottomUp.clone();
        ByteBuffer.wrap(topDown).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -20);
        for (int row = 0; row < 20; row++) {
            System.arraycopy(bottomUp, offset + row * stride, topDown, offset + (19 - row) * stride, stride);
        }
        assertEquals(new ImageHeader(ImageFormat.BMP, 30, 20), ImageHeaders.read(topDown));
        assertEquals(0, TestImages.maxDiff(img, decoder.decode(topDown)));
    }

    @Test
    void pngSizesBeyondIntRangeAreReadAsLongs() {
        byte[] png = TestImages.pngFromIdat(0xFFFF_FFFFL, 3_000_000_000L, 8, 2, TestImages.deflate(new byte[10]));
        ImageHeader header = ImageHeaders.read(png);
        assertEquals(0xFFFF_FFFFL, header.width());
        assertEquals(3_000_000_000L, header.height());
        assertEquals(Long.MAX_VALUE, header.pixels()); // saturates instead of overflowing
    }

    @Test
    void cutShortHeadersAreCorrupt() {
        RgbImage img = TestImages.gradient(40, 30);
        int[] headerEnds = {0, 33, 30, 38}; // JPEG: searched below; PNG: IHDR + CRC; WebP: VP8 sizes; BMP: up to image size
        for (ImageFormat format : ImageFormat.values()) {
            byte[] bytes = ImageEncoder.encode(img, format, 90);
            int end = format == ImageFormat.JPEG ? endOfFrameHeader(bytes) : headerEnds[format.ordinal()];
            for (int n = 1; n < end; n++) {
                byte[] prefix = Arrays.copyOf(bytes, n);
                ImageException e = assertThrows(ImageException.class, () -> ImageHeaders.read(prefix), format + " " + n);
                if (ImageFormat.sniff(prefix).isPresent()) {
                    assertInstanceOf(CorruptImageException.class, e, format + " cut at " + n);
                }
            }
            assertEquals(new ImageHeader(format, 40, 30), ImageHeaders.read(Arrays.copyOf(bytes, end)), format.name());
        }
    }

    /** Offset just past the SOF0 segment (OpenCV writes baseline JPEGs). */
    private static int endOfFrameHeader(byte[] jpeg) {
        for (int i = 2; i + 3 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i + 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
            }
        }
        throw new AssertionError("no SOF0");
    }

    @Test
    void inconsistentHeadersAreCorrupt() {
        // PNG: zero width (CRC recomputed so only the field is wrong), then a bad bit depth for RGB
        byte[] zeroWidth = TestImages.pngFromIdat(0, 10, 8, 2, TestImages.deflate(new byte[10]));
        assertThrows(CorruptImageException.class, () -> ImageHeaders.read(zeroWidth));
        byte[] badDepth = TestImages.pngFromIdat(10, 10, 4, 2, TestImages.deflate(new byte[10]));
        assertThrows(CorruptImageException.class, () -> ImageHeaders.read(badDepth));
        // PNG: IHDR checksum broken
        byte[] png = ImageEncoder.encode(TestImages.gradient(8, 8), ImageFormat.PNG, 0);
        png[17] ^= 1;
        assertThrows(CorruptImageException.class, () -> ImageHeaders.read(png));
        // BMP: zero planes
        byte[] bmp = ImageEncoder.encode(TestImages.gradient(8, 8), ImageFormat.BMP, 0);
        bmp[26] = 0;
        assertThrows(CorruptImageException.class, () -> ImageHeaders.read(bmp));
        // JPEG: SOI then directly EOI
        assertThrows(CorruptImageException.class,
                () -> ImageHeaders.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}));
    }

    static byte[] encodeWithOpenCv(RgbImage img, String ext, int param, int value) {
        Mat rgb = MatConversions.toMat(img);
        Mat bgr = new Mat();
        MatOfByte out = new MatOfByte();
        MatOfInt params = new MatOfInt(param, value);
        try {
            org.opencv.imgproc.Imgproc.cvtColor(rgb, bgr, org.opencv.imgproc.Imgproc.COLOR_RGB2BGR);
            Imgcodecs.imencode(ext, bgr, out, params);
            return out.toArray();
        } finally {
            params.release();
            rgb.release();
            bgr.release();
            out.release();
        }
    }
}
