package io.gdwct.folder;

import io.gdwct.image.ImageFormat;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a folder translation would write: every file with an image extension (jpg, jpeg, png, webp,
 * bmp, any case) under the content folder, recursively, sorted by its path relative to that folder
 * ({@code /}-separated, so the order is the same on every machine), each with its output: the same
 * relative path under the output folder, with the output format's extension.
 *
 * <p>An output folder inside the content folder is not walked (its outputs are not contents). Two
 * contents that would write the same output ({@code a.jpg} and {@code a.png} to {@code a.png}) keep
 * the first in order; the later one gets a {@linkplain Item#problem problem}, as does a folder that
 * cannot be listed, so each is reported and the rest still runs. Every worker plans the whole folder
 * before taking its {@link Shard}, so they agree on all of this.
 */
public final class FolderPlan {

    /**
     * One content image.
     *
     * @param name    its path relative to the content folder, {@code /}-separated: its name in reports
     *                and what {@link Shard} hashes
     * @param source  the content file
     * @param target  the output file, or null with a problem
     * @param problem why it cannot be translated, or null
     */
    public record Item(String name, Path source, Path target, String problem) {}

    private final Path contentDir;
    private final Path outDir;
    private final List<Item> items;

    private FolderPlan(Path contentDir, Path outDir, List<Item> items) {
        this.contentDir = contentDir;
        this.outDir = outDir;
        this.items = List.copyOf(items);
    }

    /**
     * Walks {@code contentDir}.
     *
     * @throws IllegalArgumentException when the content folder is missing, the output folder is a file,
     *     or the output folder is the content folder or above it (outputs would land among the contents)
     */
    public static FolderPlan scan(Path contentDir, Path outDir, ImageFormat format) throws IOException {
        Path content = contentDir.toAbsolutePath().normalize();
        Path out = outDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(content)) {
            throw new IllegalArgumentException("--content-dir is not a folder: " + contentDir);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out-dir exists and is not a folder: " + outDir);
        }
        if (content.startsWith(out) || Files.exists(out) && content.toRealPath().startsWith(out.toRealPath())) {
            throw new IllegalArgumentException("--out-dir must not be --content-dir or a folder above it: " + outDir);
        }
        List<Item> found = new ArrayList<>();
        Files.walkFileTree(content, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(out) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (ImageFormat.fromFileName(file).isPresent() && !Files.isDirectory(file)) {
                    String name = relativeName(content, file);
                    found.add(new Item(name, file, out.resolve(outputName(name, format)), null));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                found.add(new Item(relativeName(content, file), file, null, "cannot read: " + e));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(Item::name));
        return new FolderPlan(content, out, withoutCollisions(found));
    }

    /** The output's relative path: {@code sub/photo.jpeg} becomes {@code sub/photo.png} for PNG. */
    static String outputName(String name, ImageFormat format) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        String stem = dot > slash ? name.substring(0, dot) : name;
        return stem + "." + format.extension();
    }

    private static List<Item> withoutCollisions(List<Item> sorted) {
        Map<Path, String> firstByTarget = new HashMap<>();
        List<Item> out = new ArrayList<>(sorted.size());
        for (Item item : sorted) {
            String first = item.target() == null ? null : firstByTarget.putIfAbsent(item.target(), item.name());
            out.add(first == null ? item : new Item(item.name(), item.source(), null,
                    "same output file as " + first + " (rename one of them)"));
        }
        return out;
    }

    private static String relativeName(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    public Path contentDir() {
        return contentDir;
    }

    public Path outDir() {
        return outDir;
    }

    /** Every content image, sorted by name. */
    public List<Item> items() {
        return items;
    }

    /** The items {@code shard} owns, in the same order. */
    public List<Item> items(Shard shard) {
        return items.stream().filter(i -> shard.owns(i.name())).toList();
    }
}
