package io.gdwct.folder;

import io.gdwct.image.ImageEncoder;
import io.gdwct.image.ImageFormat;
import io.gdwct.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Folders of small generated images for the folder-translation tests. */
public final class FolderImages {
    private FolderImages() {}

    /**
     * Writes {@code count} random {@code side}×{@code side} PNGs spread over three levels of
     * sub-folders ({@code img-0000.png}, {@code a/img-0001.png}, {@code a/b/img-0002.png}, ...).
     *
     * @return their relative names, sorted
     */
    public static List<String> write(Path dir, int count, int side) throws IOException {
        Random rng = new Random(count * 31L + side);
        String[] folders = {"", "a/", "a/b/"};
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            byte[] rgb = new byte[side * side * 3];
            rng.nextBytes(rgb);
            names[i] = folders[i % 3] + String.format("img-%04d.png", i);
            Path f = dir.resolve(names[i]);
            Files.createDirectories(f.getParent());
            Files.write(f, ImageEncoder.encode(new RgbImage(side, side, rgb), ImageFormat.PNG, 95));
        }
        Arrays.sort(names);
        return List.of(names);
    }

    /** A PNG cut in half: the signature and header are right, the data is missing. */
    public static void writeTruncatedPng(Path file, int side) throws IOException {
        byte[] png = ImageEncoder.encode(new RgbImage(side, side, new byte[side * side * 3]), ImageFormat.PNG, 95);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Arrays.copyOf(png, png.length / 2));
    }

    /** Every regular file under {@code dir}, relative, sorted. */
    public static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** The files under {@code dir} that are temporary files of atomic writes ({@code .NAME123.tmp}). */
    public static List<String> tempFiles(Path dir) throws IOException {
        return files(dir).stream().filter(f -> f.matches("(.*/)?\\.[^/]*\\d+\\.tmp")).toList();
    }
}
