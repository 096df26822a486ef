package io.gdwct.inference;

import io.gdwct.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the models under the models folder: every direct sub-folder holding a {@code model.json} is a
 * model named by its folder. Folders without one (notes, backups) are ignored, so the listing is
 * exactly what an operator sees with {@code ls models/}.
 */
public final class ModelCatalog {
    private ModelCatalog() {}

    /** A model folder found on disk. */
    public record Found(String name, Path dir) {}

    /**
     * @return the model folders sorted by name; empty when {@code root} is missing, not a folder, or
     *     holds no model
     * @throws IOException if the folder exists but cannot be listed
     */
    public static List<Found> discover(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : (Iterable<Path>) children::iterator) {
                if (Files.isDirectory(dir) && ModelDirectory.isModelDirectory(dir)) {
                    found.add(new Found(dir.getFileName().toString(), dir));
                }
            }
        }
        found.sort(Comparator.comparing(Found::name));
        return found;
    }
}
