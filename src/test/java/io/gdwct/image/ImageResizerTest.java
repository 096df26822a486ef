package io.gdwct.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageResizerTest {

    @Test
    void contentAlreadyFitIsUntouched() {
        RgbImage img = TestImages.gradient(256, 256);
        assertSame(img, ImageResizer.fitForContent(img, 512));
        RgbImage edge = TestImages.gradient(512, 4);
        assertSame(edge, ImageResizer.fitForContent(edge, 512));
    }

    @Test
    void contentExamples() {
        assertSize(512, 384, ImageResizer.fitForContent(TestImages.gradient(1000, 750), 512));
        assertSize(132, 96, ImageResizer.fitForContent(TestImages.gradient(130, 97), 512)); // 32.5 -> 33, 24.25 -> 24
        assertSize(216, 216, ImageResizer.fitForContent(TestImages.gradient(300, 300), 216));
        assertSize(512, 4, ImageResizer.fitForContent(TestImages.gradient(2000, 3), 512)); // at least 4
        assertSize(4, 4, ImageResizer.fitForContent(TestImages.gradient(1, 1), 512));
        // maxSide not a multiple of 4: sides never exceed the largest multiple of 4 below it
        assertSize(512, 340, ImageResizer.fitForContent(TestImages.gradient(600, 400), 514));
    }

    @Test
    void contentRuleHoldsForManySizes() {
        SplittableRandom rng = new SplittableRandom(7);
        int[] maxSides = {64, 216, 255, 512};
        for (int i = 0; i < 60; i++) {
            int w = 1 + rng.nextInt(1200);
            int h = 1 + rng.nextInt(1200);
            int maxSide = maxSides[i % maxSides.length];
            RgbImage out = ImageResizer.fitForContent(TestImages.gradient(w, h), maxSide);
            String what = w + "x" + h + " max " + maxSide + " -> " + out.width() + "x" + out.height();
            assertEquals(0, out.width() % 4, what);
            assertEquals(0, out.height() % 4, what);
            assertTrue(out.width() >= 4 && out.height() >= 4 && out.width() <= maxSide && out.height() <= maxSide, what);
            double scale = Math.min(1.0, (double) (maxSide / 4 * 4) / Math.max(w, h));
            // each side is the nearest multiple of 4 to the ideal, unless clamped to [4, limit]
            assertTrue(Math.abs(out.width() - w * scale) <= 2 || out.width() == 4 || out.width() == maxSide / 4 * 4, what);
            assertTrue(Math.abs(out.height() - h * scale) <= 2 || out.height() == 4 || out.height() == maxSide / 4 * 4, what);
            if (w * scale >= 40 && h * scale >= 40) {
                double aspectError = Math.abs((double) out.width() / out.height() / ((double) w / h) - 1);
                assertTrue(aspectError < 0.11, what + " aspect error " + aspectError);
            }
        }
    }

    @Test
    void shrinkingKeepsContent() {
        // a uniform image stays uniform under area averaging (no ringing, no border artefacts)
        byte[] grey = new byte[100 * 80 * 3];
        java.util.Arrays.fill(grey, (byte) 77);
        RgbImage out = ImageResizer.fitForContent(new RgbImage(100, 80, grey), 50);
        assertSize(48, 40, out);
        for (byte b : out.rgb()) {
            assertEquals(77, b & 0xFF);
        }
    }

    @Test
    void fitWithinOnlyDownscales() {
        RgbImage small = TestImages.gradient(300, 200);
        assertSame(small, ImageResizer.fitWithin(small, 512));
        assertSize(512, 384, ImageResizer.fitWithin(TestImages.gradient(1000, 750), 512));
        assertSize(341, 512, ImageResizer.fitWithin(TestImages.gradient(400, 601), 512)); // no multiple-of-4 rule
        assertSize(512, 3, ImageResizer.fitWithin(TestImages.gradient(2000, 10), 512));
    }

    @Test
    void resizeShortSideLikeTorchvision() {
        RgbImage photo = TestImages.photo(); // 512 x 384
        assertSize(288, 216, ImageResizer.resizeShortSide(photo, 216, true));
        assertSize(216, 299, ImageResizer.resizeShortSide(TestImages.gradient(304, 421), 216, true)); // int(299.1)
        assertSize(1024, 768, ImageResizer.resizeShortSide(photo, 768, false));
        assertSize(170, 128, ImageResizer.resizeShortSide(photo, 128, true)); // int(170.67): truncated
        assertSame(photo, ImageResizer.resizeShortSide(photo, 384, true));
        // a strong shrink (via area pre-shrink) stays close to a plain area shrink: no aliasing
        RgbImage strong = ImageResizer.resizeShortSide(photo, 48, true);
        assertTrue(TestImages.meanDiff(ImageResizer.resize(photo, 64, 48), strong) < 6);
    }

    @Test
    void resizeToExactSize() {
        assertSize(33, 17, ImageResizer.resize(TestImages.photo(), 33, 17));
        assertSize(1000, 10, ImageResizer.resize(TestImages.gradient(20, 20), 1000, 10));
    }

    @Test
    void cropCopiesTheRegion() {
        RgbImage img = TestImages.gradient(20, 10);
        RgbImage crop = ImageResizer.crop(img, 3, 2, 5, 4);
        assertSize(5, 4, crop);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(img.get(x + 3, y + 2, c), crop.get(x, y, c));
                }
            }
        }
        assertArrayEquals(img.rgb(), ImageResizer.crop(img, 0, 0, 20, 10).rgb());
    }

    @Test
    void flipMirrorsAndIsItsOwnInverse() {
        RgbImage img = TestImages.gradient(7, 3);
        RgbImage flipped = ImageResizer.flipHorizontal(img);
        for (int c = 0; c < 3; c++) {
            assertEquals(img.get(0, 1, c), flipped.get(6, 1, c));
        }
        assertArrayEquals(img.rgb(), ImageResizer.flipHorizontal(flipped).rgb());
    }

    @Test
    void badArgumentsAreNamed() {
        RgbImage img = TestImages.gradient(20, 10);
        assertMessage("maxSide", () -> ImageResizer.fitForContent(img, 3));
        assertMessage("maxSide", () -> ImageResizer.fitWithin(img, 0));
        assertMessage("shortSide", () -> ImageResizer.resizeShortSide(img, 0, true));
        assertMessage("width and height", () -> ImageResizer.resize(img, 0, 5));
        assertMessage("does not fit", () -> ImageResizer.crop(img, 18, 0, 5, 5));
        assertMessage("does not fit", () -> ImageResizer.crop(img, -1, 0, 5, 5));
        assertMessage("img", () -> ImageResizer.flipHorizontal(null));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static void assertSize(int width, int height, RgbImage img) {
        assertEquals(width + "x" + height, img.width() + "x" + img.height());
    }
}
