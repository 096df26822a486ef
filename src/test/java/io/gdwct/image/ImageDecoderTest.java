package io.gdwct.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    private static final long LIMIT = 40_000_000;
    private final ImageDecoder decoder = new ImageDecoder(LIMIT);

    @Test
    void decodesTheRealPhoto() {
        RgbImage img = decoder.decode(TestImages.resource(TestImages.PHOTO));
        assertEquals(512, img.width());
        assertEquals(384, img.height());
    }

    @Test
    void pngBombIsRejectedFromItsHeaderWithoutDecoding() {
        // 30000 x 30000 RGB: a valid IHDR and the first 20 rows of zeros, about 1 kB in all
        byte[] idat = TestImages.deflate(new byte[20 * (1 + 30_000 * 3)]);
        byte[] bomb = TestImages.pngFromIdat(30_000, 30_000, 8, 2, idat);
        assertTrue(bomb.length < 10_000, "bomb is " + bomb.length + " bytes");
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class, () -> decoder.decode(bomb));
        // refused by the header's size check, before OpenCV sees the pixels (no timing bound: CI may be loaded)
        java.util.List<String> frames = java.util.Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().equals(ImageDecoder.class.getName())).map(StackTraceElement::getMethodName).toList();
        assertTrue(frames.contains("checkSize") && !frames.contains("decodePixels"), "thrown from " + frames);
        assertEquals(30_000, e.width());
        assertEquals(30_000, e.height());
        assertEquals(LIMIT, e.maxPixels());
        assertEquals("image is 30000x30000 = 900000000 pixels; the limit is 40000000", e.getMessage());
    }

    @Test
    void sizesThatOverflowAnIntAreTooLarge() {
        byte[] png = TestImages.pngFromIdat(0x7FFF_FFFFL, 0x7FFF_FFFFL, 8, 2, TestImages.deflate(new byte[100]));
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class, () -> decoder.decode(png));
        assertEquals(0x7FFF_FFFFL, e.width());
        assertTrue(e.getMessage().contains("4611686014132420609 pixels"), e.getMessage());
        // one side alone over the limit, the other 1
        byte[] thin = TestImages.pngFromIdat(LIMIT + 1, 1, 8, 2, TestImages.deflate(new byte[100]));
        assertThrows(ImageTooLargeException.class, () -> decoder.decode(thin));
        // 32-bit maxima, whose product overflows a long
        byte[] huge = TestImages.pngFromIdat(0xFFFF_FFFFL, 0xFFFF_FFFFL, 8, 2, TestImages.deflate(new byte[100]));
        assertThrows(ImageTooLargeException.class, () -> decoder.decode(huge));
    }

    @Test
    void tooSmallImagesAreRejectedWhenAMinimumIsSet() {
        byte[] tiny = ImageEncoder.encode(TestImages.gradient(20, 8), ImageFormat.PNG, 0);
        ImageTooSmallException e = assertThrows(ImageTooSmallException.class,
                () -> new ImageDecoder(LIMIT, 16).decode(tiny));
        assertEquals("image is 20x8; each side must be at least 16 pixels", e.getMessage());
        assertEquals(8, decoder.decode(tiny).height());
    }

    @Test
    void truncationsAtTwentyOffsetsAreCorruptForEveryFormat() {
        RgbImage photo = TestImages.photo();
        for (ImageFormat format : ImageFormat.values()) {
            byte[] bytes = format == ImageFormat.JPEG
                    ? TestImages.resource(TestImages.PHOTO)
                    : ImageEncoder.encode(photo, format, 90);
            // 20 cuts from the first 5 % to the very last byte; the shortest keep the whole header
            int[] cuts = IntStream.rangeClosed(1, 20).map(i -> i == 20 ? bytes.length - 1 : bytes.length * i / 20).toArray();
            for (int cut : cuts) {
                byte[] truncated = Arrays.copyOf(bytes, cut);
                try {
                    RgbImage img = decoder.decode(truncated);
                    fail(format + " cut at " + cut + " of " + bytes.length + " decoded to " + img.width() + "x" + img.height());
                } catch (CorruptImageException expected) {
                    assertFalse(expected.getMessage().contains("/"), "no paths in messages: " + expected.getMessage());
                } catch (RuntimeException other) {
                    fail(format + " cut at " + cut + " threw " + other, other);
                }
            }
        }
    }

    @Test
    void trailingZeroPaddingAfterJpegEndIsAccepted() {
        byte[] jpeg = TestImages.resource(TestImages.PHOTO);
        byte[] padded = Arrays.copyOf(jpeg, jpeg.length + 100);
        assertEquals(0, TestImages.maxDiff(decoder.decode(jpeg), decoder.decode(padded)));
    }

    @Test
    void randomBitFlipsInHeadersGiveAnImageOrAnImageException() {
        RgbImage small = TestImages.smallPhoto();
        SplittableRandom rng = new SplittableRandom(42);
        for (ImageFormat format : ImageFormat.values()) {
            byte[] bytes = ImageEncoder.encode(small, format, 85);
            int headerArea = format == ImageFormat.JPEG ? 700 : 80; // JPEG: tables up to the scan
            for (int trial = 0; trial < 150; trial++) {
                byte[] flipped = bytes.clone();
                int flips = 1 + rng.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    flipped[rng.nextInt(Math.min(headerArea, bytes.length))] ^= (byte) (1 << rng.nextInt(8));
                }
                try {
                    RgbImage img = decoder.decode(flipped);
                    assertTrue(img.width() > 0 && (long) img.width() * img.height() <= LIMIT);
                } catch (ImageException expected) {
                    // typed: fine
                } catch (RuntimeException other) {
                    fail(format + " trial " + trial + " threw " + other, other);
                }
            }
        }
    }

    @Test
    void sixteenBitPngScalesBy1Over257() {
        int w = 64;
        int h = 4;
        byte[][] rows = new byte[h][w * 6];
        int[][] values = new int[h][w * 3];
        SplittableRandom rng = new SplittableRandom(1);
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < w * 3; i++) {
                int v = y == 0 && i < 3 ? (i == 0 ? 0 : 65535) : rng.nextInt(65536);
                values[y][i] = v;
                rows[y][i * 2] = (byte) (v >> 8); // PNG samples are big endian
                rows[y][i * 2 + 1] = (byte) v;
            }
        }
        RgbImage img = decoder.decode(TestImages.png(w, h, 16, 2, rows));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(Math.round(values[y][x * 3 + c] / 257.0), img.get(x, y, c), "x=" + x + " y=" + y);
                }
            }
        }
        assertEquals(0, img.get(0, 0, 0));
        assertEquals(255, img.get(0, 0, 1));
    }

    @Test
    void greyPngBecomesEqualChannels() {
        byte[][] rows = {{0, 1, 2, 127, (byte) 128, (byte) 254, (byte) 255, 77}};
        RgbImage img = decoder.decode(TestImages.png(8, 1, 8, 0, rows));
        for (int x = 0; x < 8; x++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(rows[0][x] & 0xFF, img.get(x, 0, c));
            }
        }
    }

    @Test
    void greyAlphaPngIsCompositedOverWhite() {
        // (grey, alpha) pairs: opaque black, transparent black, half-transparent black, opaque 100, 100 at 25 %
        byte[][] rows = {{0, (byte) 255, 0, 0, 0, (byte) 128, 100, (byte) 255, 100, 64}};
        RgbImage img = decoder.decode(TestImages.png(5, 1, 8, 4, rows));
        int[] expected = {0, 255, overWhite(0, 128), 100, overWhite(100, 64)};
        for (int x = 0; x < 5; x++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[x], img.get(x, 0, c), "x=" + x);
            }
        }
    }

    @Test
    void rgbaPngIsCompositedOverWhite() {
        byte[][] rows = {{
            (byte) 200, 10, 20, (byte) 255, // opaque
            (byte) 200, 10, 20, 0, // transparent
            (byte) 200, 10, 20, (byte) 128, // half
        }};
        RgbImage img = decoder.decode(TestImages.png(3, 1, 8, 6, rows));
        assertArrayEquals(new byte[] {
            (byte) 200, 10, 20,
            (byte) 255, (byte) 255, (byte) 255,
            (byte) overWhite(200, 128), (byte) overWhite(10, 128), (byte) overWhite(20, 128)}, img.rgb());
    }

    @Test
    void palettePngIsExpanded() {
        byte[] plte = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 10, 20, 30};
        byte[][] rows = {{0, 1, 2, 3}, {3, 2, 1, 0}};
        RgbImage img = decoder.decode(TestImages.png(4, 2, 8, 3, rows, TestImages.pngChunk("PLTE", plte)));
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                int index = rows[y][x];
                for (int c = 0; c < 3; c++) {
                    assertEquals(plte[index * 3 + c] & 0xFF, img.get(x, y, c));
                }
            }
        }
        // 2-bit indices packed four to a byte (0,1,2,3 = 0b00_01_10_11), palette entry 1 made transparent
        byte[] packed = TestImages.png(4, 1, 2, 3, new byte[][] {{0b00_01_10_11}},
                TestImages.pngChunk("PLTE", plte), TestImages.pngChunk("tRNS", new byte[] {(byte) 255, 0}));
        RgbImage withAlpha = decoder.decode(packed);
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, (byte) 255, (byte) 255, (byte) 255, 0, 0, (byte) 255, 10, 20, 30},
                withAlpha.rgb());
    }

    @Test
    void readsFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("upload.bin"); // the name says nothing; the bytes do
        Files.write(file, ImageEncoder.encode(TestImages.gradient(12, 10), ImageFormat.PNG, 0));
        assertEquals(0, TestImages.maxDiff(TestImages.gradient(12, 10), decoder.read(file)));
    }

    @Test
    void isThreadSafe() throws Exception {
        byte[] jpeg = TestImages.resource(TestImages.PHOTO);
        RgbImage expected = decoder.decode(jpeg);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RgbImage>> results = pool.invokeAll(
                    IntStream.range(0, 16).mapToObj(i -> (java.util.concurrent.Callable<RgbImage>) () -> decoder.decode(jpeg)).toList());
            for (Future<RgbImage> r : results) {
                assertArrayEquals(expected.rgb(), r.get().rgb());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadConstructorArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ImageDecoder(0));
        assertThrows(IllegalArgumentException.class, () -> new ImageDecoder(100, 0));
    }

    private static int overWhite(int c, int a) {
        return (c * a + 255 * (255 - a) + 127) / 255;
    }
}
