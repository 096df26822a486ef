package io.gdwct.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @Test
    void badFilesAreSkippedOnceEachWithAReason(@TempDir Path dir) throws IOException {
        TrainingImages.mixedFolder(dir);
        List<String> warnings = new ArrayList<>();
        Logger jul = Logger.getLogger(ImageFolder.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r.getMessage() + " " + Arrays.toString(r.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        ImageFolder folder;
        try {
            folder = ImageFolder.load(dir, 16, 256);
        } finally {
            jul.removeHandler(capture);
        }

        assertEquals(3, folder.size());
        assertEquals(4, folder.skippedCount());
        assertEquals(List.of(dir.resolve("a-photo.jpg"), dir.resolve("b-storm.JPG"), dir.resolve("sub/c-painting.jpeg")),
                folder.paths());
        List<ImageFolder.Skipped> skipped = folder.skipped();
        assertEquals(List.of(dir.resolve("notes.txt"), dir.resolve("tiny.png"), dir.resolve("truncated.jpg"),
                dir.resolve("x.png")), skipped.stream().map(ImageFolder.Skipped::path).toList());
        assertTrue(skipped.get(0).reason().contains("unsupported"), skipped.get(0).reason());
        assertTrue(skipped.get(1).reason().contains("at least 16"), skipped.get(1).reason());
        assertTrue(skipped.get(2).reason().contains("truncated"), skipped.get(2).reason());
        assertTrue(skipped.get(3).reason().contains("unsupported"), skipped.get(3).reason());

        assertEquals(4, warnings.size(), warnings.toString());
        for (String name : List.of("notes.txt", "tiny.png", "truncated.jpg", "x.png")) {
            assertEquals(1, warnings.stream().filter(w -> w.contains(name)).count(), name + " in " + warnings);
        }
    }

    @Test
    void cachedImagesAreDownscaledAndUncachedOnesIdentical(@TempDir Path dir) throws IOException {
        TrainingImages.mixedFolder(dir);
        ImageFolder cached = ImageFolder.load(dir, 16, 100);
        ImageFolder uncached = ImageFolder.load(dir, 16, 100, 0);
        assertEquals(3, cached.cachedCount());
        assertEquals(0, uncached.cachedCount());
        for (int i = 0; i < cached.size(); i++) {
            RgbImage img = cached.image(i);
            assertEquals(100, Math.min(img.width(), img.height()));
            assertSame(img, cached.image(i));
            assertArrayEquals(img.rgb(), uncached.image(i).rgb());
        }
        assertEquals(133, cached.image(0).width()); // 512 x 384 -> int(100 * 512 / 384) x 100
    }

    @Test
    void smallImagesAreKeptAsDecoded(@TempDir Path dir) throws IOException {
        TrainingImages.copy(TrainingImages.PHOTO, dir.resolve("p.jpg"));
        RgbImage img = ImageFolder.load(dir, 16, 1000).image(0);
        assertEquals(512, img.width());
        assertEquals(384, img.height());
    }

    @Test
    void emptyMissingAndAllBadFoldersAreRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFolder.load(empty, 16, 256));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("no usable image"), e.getMessage());

        Path missing = dir.resolve("missing");
        e = assertThrows(IllegalArgumentException.class, () -> ImageFolder.load(missing, 16, 256));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

        Path bad = Files.createDirectory(dir.resolve("bad"));
        Files.writeString(bad.resolve("x.png"), "not an image");
        e = assertThrows(IllegalArgumentException.class, () -> ImageFolder.load(bad, 16, 256));
        assertTrue(e.getMessage().contains("1 skipped"), e.getMessage());
    }
}
