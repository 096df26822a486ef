package io.gdwct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation folders: recursive, sorted by relative name, unreadable files are errors naming them. */
class ImageSetTest {

    private final ImageDecoder decoder = new ImageDecoder(1_000_000L, 16);

    @Test
    void readsRecursivelySortedByRelativeName(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b"));
        ImageEncoder.write(EvalImages.pattern(20, 20, 0), dir.resolve("c.png"));
        ImageEncoder.write(EvalImages.pattern(20, 24, 1), dir.resolve("b/a.png"));
        ImageEncoder.write(EvalImages.pattern(24, 20, 2), dir.resolve("a.bmp"));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        List<ImageSet.NamedImage> images = ImageSet.read(dir, decoder);
        assertEquals(List.of("a.bmp", "b/a.png", "c.png"), images.stream().map(ImageSet.NamedImage::name).toList());
        assertEquals(24, images.get(1).image().height());
    }

    @Test
    void unreadableImageIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        ImageEncoder.write(EvalImages.pattern(20, 20, 0), dir.resolve("good.png"));
        Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageSet.read(dir, decoder));
        assertTrue(e.getMessage().contains("broken.jpg"), e.getMessage());
    }

    @Test
    void tooSmallImageIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        ImageEncoder.write(EvalImages.pattern(8, 20, 0), dir.resolve("thin.png"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageSet.read(dir, decoder));
        assertTrue(e.getMessage().contains("thin.png"), e.getMessage());
    }

    @Test
    void emptyOrMissingFolderIsAnError(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> ImageSet.read(dir, decoder));
        assertThrows(IllegalArgumentException.class, () -> ImageSet.read(dir.resolve("missing"), decoder));
    }
}
