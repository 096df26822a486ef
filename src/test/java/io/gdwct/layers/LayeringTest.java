package io.gdwct.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrows point down: the production sources keep to what each package-info declares, and, whatever
 * the declarations say, to the layering the project is built on (issue 12): serving and training
 * never use each other, evaluation uses neither, and the translation core uses none of them.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/io/gdwct");
    private static final Set<String> SERVING = Set.of("inference", "api");

    private final ImportRules rules = new ImportRules(SOURCES);

    @Test
    void everyPackageDeclaresItsJobAndWhatItMayImport() {
        assertTrue(rules.packages().size() > 10, "sources not found from " + Path.of("").toAbsolutePath());
        assertEquals(List.of(), rules.undeclared(), "packages without a 'May import:' line in package-info.java");
    }

    @Test
    void noPackageImportsWhatItsPackageInfoDoesNotAllow() {
        assertEquals(List.of(), rules.violations());
    }

    @Test
    void trainingAndServingNeverUseEachOther() {
        for (String pkg : rules.packages()) {
            if (ImportRules.top(pkg).equals("training")) {
                assertEquals(List.of(), rules.references(pkg, union(SERVING, Set.of("cli", "eval"))), pkg);
            }
            if (SERVING.contains(ImportRules.top(pkg))) {
                assertEquals(List.of(), rules.references(pkg, Set.of("training", "eval", "cli")), pkg);
            }
        }
    }

    @Test
    void evaluationUsesNeitherTrainingNorServingAndTheCoreUsesNoneOfThem() {
        for (String pkg : rules.packages()) {
            if (ImportRules.top(pkg).equals("eval")) {
                assertEquals(List.of(), rules.references(pkg, union(SERVING, Set.of("training", "cli"))), pkg);
            }
            if (ImportRules.top(pkg).equals("core")) {
                assertEquals(List.of(), rules.references(pkg, union(SERVING, Set.of("training", "eval", "cli"))), pkg);
            }
        }
    }

    /** The scan itself: a forbidden import, a fully qualified use and an undeclared package are all caught. */
    @Test
    void theScanFindsForbiddenReferences(@TempDir Path tmp) throws IOException {
        write(tmp, "core/package-info.java", "/** The core.\n * <p>May import: image, model. */\npackage io.gdwct.core;\n");
        write(tmp, "core/A.java", "package io.gdwct.core;\n\nimport io.gdwct.image.RgbImage;\nimport io.gdwct.inference.ModelRunner;\n"
                + "/** {@link io.gdwct.training.X} in a comment is no use. */\nclass A { Object o = io.gdwct.training.data.Batch.class; }\n");
        write(tmp, "image/B.java", "package io.gdwct.image;\nclass B {}\n");
        ImportRules r = new ImportRules(tmp);
        assertEquals(List.of("image"), r.undeclared());
        assertEquals(List.of("core/A.java:4: core uses inference", "core/A.java:6: core uses training.data"),
                r.references("core", Set.of("inference", "training")).stream().map(Object::toString).toList());
        assertEquals(2, r.violations().size(), r.violations().toString());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toSet());
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path f = root.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
