package io.gdwct.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageResizer;
import io.gdwct.image.RgbImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final RgbImage PHOTO = new ImageDecoder(40_000_000).decode(TrainingImages.resource(TrainingImages.PHOTO));
    private static final RgbImage PAINTING = new ImageDecoder(40_000_000).decode(TrainingImages.resource(TrainingImages.PAINTING));

    @Test
    void outputIsExactlyTheCropSize() {
        List<RgbImage> sources = List.of(PHOTO, PAINTING, ImageResizer.resize(PHOTO, 20, 20), ImageResizer.resize(PHOTO, 600, 30));
        List<Augmentation> augmentations = List.of(Augmentation.of(64), Augmentation.of(216),
                Augmentation.of(64).withResizeShortSide(80), Augmentation.of(64).withScaleRange(0.5, 2.0));
        SplittableRandom rng = new SplittableRandom(3);
        for (Augmentation aug : augmentations) {
            for (RgbImage src : sources) {
                for (int i = 0; i < 5; i++) {
                    RgbImage out = aug.apply(src, rng.split());
                    assertEquals(aug.imageSize(), out.width(), aug + " on " + src.width() + "x" + src.height());
                    assertEquals(aug.imageSize(), out.height());
                }
            }
        }
    }

    @Test
    void sameGeneratorStateSameSampleAndCropsVary() {
        Augmentation aug = Augmentation.of(64).withScaleRange(0.8, 1.5);
        assertArrayEquals(aug.apply(PHOTO, new SplittableRandom(9)).rgb(), aug.apply(PHOTO, new SplittableRandom(9)).rgb());
        Set<String> distinct = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            distinct.add(Arrays.toString(aug.apply(PHOTO, new SplittableRandom(seed)).rgb()));
        }
        assertTrue(distinct.size() >= 9, "crops should differ: " + distinct.size());
    }

    @Test
    void flipProbabilityIsHonoured() {
        // a square source of exactly the crop size: resize and crop change nothing, only the flip can
        RgbImage square = ImageResizer.resize(PHOTO, 48, 48);
        Augmentation never = Augmentation.of(48).withFlipProbability(0);
        Augmentation always = Augmentation.of(48).withFlipProbability(1);
        assertArrayEquals(square.rgb(), never.apply(square, new SplittableRandom(1)).rgb());
        assertArrayEquals(ImageResizer.flipHorizontal(square).rgb(), always.apply(square, new SplittableRandom(1)).rgb());
        int flipped = 0;
        Augmentation half = Augmentation.of(48);
        for (long seed = 0; seed < 200; seed++) {
            flipped += Arrays.equals(square.rgb(), half.apply(square, new SplittableRandom(seed)).rgb()) ? 0 : 1;
        }
        assertTrue(flipped > 70 && flipped < 130, "flipped " + flipped + " of 200");
    }

    @Test
    void defaultsFollowTheOfficialLoader() {
        Augmentation aug = Augmentation.of(216);
        assertEquals(216, aug.resizeShortSide());
        assertEquals(0.5, aug.flipProbability());
        assertEquals(1.0, aug.minScale());
        assertEquals(1.0, aug.maxScale());
        assertEquals(432, aug.cacheShortSide());
        assertEquals(480, Augmentation.of(128).withScaleRange(1, 2.5).withResizeShortSide(192).cacheShortSide());
    }

    @Test
    void invalidConfigurationsAreNamed() {
        assertMessage("imageSize", () -> Augmentation.of(0));
        assertMessage("resizeShortSide", () -> Augmentation.of(64).withResizeShortSide(63));
        assertMessage("flipProbability", () -> Augmentation.of(64).withFlipProbability(1.5));
        assertMessage("scale", () -> Augmentation.of(64).withScaleRange(2, 1));
        assertMessage("scale", () -> Augmentation.of(64).withScaleRange(0, 1));
        assertFalse(Augmentation.of(64).withScaleRange(0.5, 0.5).equals(Augmentation.of(64)));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
