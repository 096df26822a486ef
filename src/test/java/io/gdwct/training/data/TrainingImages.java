package io.gdwct.training.data;

import io.gdwct.image.ImageEncoder;
import io.gdwct.image.RgbImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Builds training folders in a temporary directory from the test images. */
final class TrainingImages {

    static final String PHOTO = "photo-red-pyramid.jpg";
    static final String PHOTO_WIDE = "photo-storm.jpg";
    static final String PAINTING = "painting-arcimboldo-librarian.jpg";

    private TrainingImages() {
    }

    static byte[] resource(String name) {
        try (InputStream in = TrainingImages.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.write(target, resource(resource));
    }

    /**
     * Three good images (one in a sub-folder, one with an upper-case extension) and four bad ones: a
     * text file named x.png, a truncated JPEG, a 1x1 PNG and a plain text file, notes.txt.
     */
    static Path mixedFolder(Path dir) throws IOException {
        copy(PHOTO, dir.resolve("a-photo.jpg"));
        copy(PHOTO_WIDE, dir.resolve("b-storm.JPG"));
        copy(PAINTING, dir.resolve("sub/c-painting.jpeg"));
        Files.writeString(dir.resolve("x.png"), "this is not an image\n", StandardCharsets.US_ASCII);
        byte[] jpeg = resource(PHOTO);
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(dir.resolve("tiny.png"), ImageEncoder.encode(new RgbImage(1, 1, new byte[3]), io.gdwct.image.ImageFormat.PNG, 0));
        Files.writeString(dir.resolve("notes.txt"), "not an image either\n", StandardCharsets.US_ASCII);
        return dir;
    }
}
