package io.gdwct.eval;

import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageFormat;
import io.gdwct.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The images of one evaluation folder: every file with an image extension (jpg, jpeg, png, webp,
 * bmp, any case) under the folder, recursively, sorted by path relative to the folder (with
 * {@code /} separators, so the order and names are the same on every machine).
 *
 * <p>Unlike a training folder, an evaluation set is small and chosen by hand, so a file that cannot
 * be decoded is an error naming it, never silently skipped: a skipped image would change which
 * pairs the numbers average over. Files without an image extension (a README) are ignored.
 */
public final class ImageSet {

    /** An image and its name: the path relative to the folder it was read from. */
    public record NamedImage(String name, RgbImage image) {}

    private ImageSet() {}

    /**
     * Reads every image under {@code folder}.
     *
     * @throws IllegalArgumentException when the folder is missing, holds no image, or a file cannot
     *     be read or decoded (the message names the file)
     */
    public static List<NamedImage> read(Path folder, ImageDecoder decoder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> ImageFormat.fromFileName(p).isPresent())
                    .sorted(Comparator.comparing(p -> relativeName(folder, p)))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no images (jpg, jpeg, png, webp, bmp) under " + folder);
        }
        List<NamedImage> images = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                images.add(new NamedImage(relativeName(folder, file), decoder.read(file)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read image " + file + ": " + message(e), e);
            }
        }
        return images;
    }

    private static String relativeName(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static String message(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
