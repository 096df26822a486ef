package io.gdwct.eval;

import ai.djl.Device;
import io.gdwct.core.Sizing;
import io.gdwct.eval.ImageSet.NamedImage;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageEncoder;
import io.gdwct.model.GdwctModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code gdwct evaluate} from folders to files: reads the content and exemplar folders, loads the
 * model, runs the {@link Evaluation}, and writes {@code metrics.json} and {@code grid.png} into the
 * output folder. The images are read (and every unreadable one reported) before the model is
 * loaded, so a typo in a folder costs nothing.
 */
public final class EvaluationRun {

    /**
     * @param model model directory (holds model.json)
     * @param contents folder of content images (read recursively)
     * @param exemplars folder of exemplar images (read recursively)
     * @param out folder receiving metrics.json and grid.png (created if needed)
     */
    public record Paths(Path model, Path contents, Path exemplars, Path out) {}

    private EvaluationRun() {}

    /**
     * Evaluates and writes the files.
     *
     * @param maxPixels images larger than this are refused (decompression-bomb guard)
     * @param log receives one progress line per pair
     * @return the report (already written to {@code out/metrics.json})
     */
    public static EvaluationReport run(Paths paths, Evaluation.Settings settings, long maxPixels, Device device,
            PrintStream log) throws IOException {
        if (Files.exists(paths.out()) && !Files.isDirectory(paths.out())) {
            throw new IllegalArgumentException("--out exists and is not a folder: " + paths.out());
        }
        ImageDecoder decoder = new ImageDecoder(maxPixels, Sizing.MIN_SIDE);
        List<NamedImage> contents = ImageSet.read(paths.contents(), decoder);
        List<NamedImage> exemplars = ImageSet.read(paths.exemplars(), decoder);
        log.printf("evaluating %d contents x %d exemplars (%s, max side %d) on %s%n",
                contents.size(), exemplars.size(), settings.direction().label(), settings.maxSide(), device);
        Evaluation.Result result;
        try (GdwctModel model = GdwctModel.load(paths.model(), device)) {
            result = new Evaluation(model, modelName(paths.model()), settings, Clock.systemUTC())
                    .run(contents, exemplars, log::println);
        }
        Files.createDirectories(paths.out());
        ReportJson.write(result.report(), paths.out());
        ImageEncoder.write(result.grid(), paths.out().resolve(EvaluationGrid.FILE_NAME));
        return result.report();
    }

    private static String modelName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
