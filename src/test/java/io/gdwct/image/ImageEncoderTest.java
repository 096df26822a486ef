package io.gdwct.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageEncoderTest {

    private static final RgbImage PHOTO = TestImages.photo();
    private final ImageDecoder decoder = new ImageDecoder(40_000_000);

    @Test
    void losslessFormatsRoundTripExactly() {
        for (ImageFormat format : List.of(ImageFormat.PNG, ImageFormat.BMP)) {
            byte[] bytes = ImageEncoder.encode(PHOTO, format, 1); // quality is ignored here
            assertEquals(0, TestImages.maxDiff(PHOTO, decoder.decode(bytes)), format.name());
        }
    }

    @Test
    void lossyFormatsRoundTripClosely() {
        for (ImageFormat format : List.of(ImageFormat.JPEG, ImageFormat.WEBP)) {
            RgbImage back = decoder.decode(ImageEncoder.encode(PHOTO, format, 95));
            double mean = TestImages.meanDiff(PHOTO, back);
            assertTrue(mean < 3.0, format + " mean abs diff " + mean);
        }
        // colour order survives: a pure red image stays red
        byte[] red = new byte[16 * 16 * 3];
        for (int i = 0; i < red.length; i += 3) {
            red[i] = (byte) 255;
        }
        RgbImage back = decoder.decode(ImageEncoder.encode(new RgbImage(16, 16, red), ImageFormat.JPEG, 95));
        assertTrue(back.get(8, 8, 0) > 240 && back.get(8, 8, 1) < 15 && back.get(8, 8, 2) < 15);
    }

    @Test
    void lowerQualityMeansFewerBytes() {
        assertTrue(ImageEncoder.encode(PHOTO, ImageFormat.JPEG, 30).length
                < ImageEncoder.encode(PHOTO, ImageFormat.JPEG, 95).length);
    }

    @Test
    void qualityIsValidatedForLossyFormats() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageEncoder.encode(PHOTO, ImageFormat.WEBP, 101));
        assertTrue(e.getMessage().contains("quality"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageEncoder.encode(PHOTO, ImageFormat.JPEG, 0));
    }

    @Test
    void writeChoosesTheFormatFromTheExtension(@TempDir Path dir) throws IOException {
        for (String name : List.of("out.PNG", "out.jpeg", "out.jpg", "out.webp", "out.bmp")) {
            Path file = dir.resolve(name);
            ImageEncoder.write(PHOTO, file);
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(ImageFormat.fromFileName(file), ImageFormat.sniff(bytes), name);
            assertEquals(512, decoder.decode(bytes).width());
        }
        ImageEncoder.write(TestImages.gradient(8, 8), dir.resolve("out.PNG")); // replaces
        assertEquals(8, decoder.read(dir.resolve("out.PNG")).width());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(5, files.count(), "no temporary files left behind");
        }
    }

    /** The atomic write's temp file is owner-only until fixed; the result must be like any new file. */
    @Test
    void writtenFilesAreReadableByOtherUsers(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("out.png");
        ImageEncoder.write(PHOTO, file);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void unknownExtensionNamesTheAllowedOnes(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageEncoder.write(PHOTO, dir.resolve("out.gif")));
        assertTrue(e.getMessage().contains(".png") && e.getMessage().contains(".webp"), e.getMessage());
    }
}
