package io.gdwct.cli;

import ai.djl.Device;
import io.gdwct.core.Sizing;
import io.gdwct.folder.ExemplarStyle;
import io.gdwct.folder.FolderPlan;
import io.gdwct.folder.FolderProgress;
import io.gdwct.folder.FolderReport;
import io.gdwct.folder.FolderTranslation;
import io.gdwct.folder.Parallelism;
import io.gdwct.folder.Shard;
import io.gdwct.folder.StyleSource;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageException;
import io.gdwct.image.ImageFormat;
import io.gdwct.image.RgbImage;
import io.gdwct.model.GdwctModel;
import io.gdwct.training.report.ProgressReporter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code translate}'s folder mode ({@code --content-dir}, {@code --out-dir} and the options only it
 * has): checks the options and runs {@link FolderTranslation}.
 */
public final class FolderOptions {
    /** Exit status of a folder run that went through but could not translate some images. */
    static final int SOME_FAILED = 3;
    /** Failures listed in the summary; the count says how many more there were. */
    static final int FAILURES_SHOWN = 20;

    @Option(names = "--content-dir", paramLabel = "DIR",
            description = "Folder mode, instead of --content: translate every image under DIR (recursively; jpg, jpeg, png, webp, bmp), in order of relative path.")
    Path contentDir;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Folder mode: where the outputs go, each at its content's relative path with the --format extension. Outputs already there are skipped, so the same command resumes an interrupted run.")
    Path outDir;

    @Option(names = "--format", paramLabel = "FMT",
            description = "Folder mode: output format, png, jpg, webp or bmp. Default: png.")
    String format;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Folder mode: translate only share I of N (0 <= I < N; chosen by a hash of each relative path), so that N workers split one folder, each image exactly once: e.g. --shard $JOB_COMPLETION_INDEX/N. Default: 0/1, the whole folder.")
    String shard;

    @Option(names = "--workers", paramLabel = "N",
            description = "Folder mode: images translated at once, one thread each. Default: cores / --threads-per-worker on the CPU, 2 on a GPU.")
    Integer workers;

    @Option(names = "--threads-per-worker", paramLabel = "N",
            description = "Folder mode: PyTorch threads of each image's forward; keep workers x threads <= cores. Default: -Dai.djl.pytorch.num_threads when set, else min(cores, 2).")
    Integer threadsPerWorker;

    /**
     * Which mode the options ask for.
     *
     * @return true for folder mode, false for one image
     * @throws IllegalArgumentException for a mix of the two or a mode half given
     */
    boolean folderMode(Path content, Path out) {
        boolean folder = contentDir != null || outDir != null;
        if (folder && (content != null || out != null)) {
            throw new IllegalArgumentException("give --content and --out (one image) or --content-dir and --out-dir (a folder), not both");
        }
        if (folder && (contentDir == null || outDir == null)) {
            throw new IllegalArgumentException("folder mode needs both --content-dir and --out-dir");
        }
        if (!folder && (content == null || out == null)) {
            throw new IllegalArgumentException("give --content FILE and --out FILE, or --content-dir DIR and --out-dir DIR");
        }
        String only = format != null ? "--format" : shard != null ? "--shard" : workers != null ? "--workers"
                : threadsPerWorker != null ? "--threads-per-worker" : null;
        if (!folder && only != null) {
            throw new IllegalArgumentException(only + " applies to folder mode (--content-dir) only");
        }
        return folder;
    }

    /** Runs folder mode; the exit status: 0 when every image has its output, else {@link #SOME_FAILED}. */
    int run(Path model, Path exemplar, TranslationOptions translation, DeviceOption device) throws Exception {
        ImageFormat outFormat = ImageFormat.fromName(format == null ? "png" : format).orElseThrow(() ->
                new IllegalArgumentException("--format must be png, jpg, webp or bmp, got '" + format + "'"));
        Shard part = parseShard();
        if (workers != null && workers < 1 || threadsPerWorker != null && threadsPerWorker < 1) {
            throw new IllegalArgumentException("--workers and --threads-per-worker must be at least 1");
        }
        if (translation.maxSide < Sizing.MIN_SIDE) {
            throw new IllegalArgumentException("--max-side must be at least " + Sizing.MIN_SIDE + ", got " + translation.maxSide);
        }
        // every check that needs no model first: a typo must cost nothing
        StyleSource style = exemplarStyle(exemplar, translation);
        FolderPlan plan = FolderPlan.scan(contentDir, outDir, outFormat);
        if (plan.items().isEmpty()) {
            System.err.println("warning: no images (jpg, jpeg, png, webp, bmp) under " + contentDir);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = Parallelism.threadsPerWorker(threadsPerWorker, System.getProperty(Parallelism.TORCH_THREADS), cores);
        System.setProperty(Parallelism.TORCH_THREADS, Integer.toString(threads)); // before the engine loads
        Device dev = device.select();
        Parallelism parallelism = Parallelism.of(workers, threads, cores, dev.isGpu());
        if (parallelism.oversubscribed() && !dev.isGpu()) {
            System.err.println("warning: " + parallelism + " oversubscribes the CPU (--workers x --threads-per-worker > cores)");
        }
        System.err.printf("translating %s (%d images, shard %s) into %s in the style of %s; %s on %s%n", contentDir,
                plan.items().size(), part, outDir, style.describe(), parallelism, dev);
        FolderTranslation.Settings settings = new FolderTranslation.Settings(translation.direction(), translation.maxSide,
                translation.strength(), translation.maxPixels, parallelism.workers(), Long.MAX_VALUE);
        FolderTranslation run = new FolderTranslation(settings, style, () -> GdwctModel.load(model, dev),
                new FolderProgress(System.err, ProgressReporter.isInteractiveTerminal()));
        FolderReport report = run.runUntilShutdown(plan, part);
        report.lines(FAILURES_SHOWN).forEach(System.out::println);
        return report.complete() ? 0 : SOME_FAILED;
    }

    private Shard parseShard() {
        try {
            return shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--shard: " + e.getMessage());
        }
    }

    private static StyleSource exemplarStyle(Path exemplar, TranslationOptions translation) throws Exception {
        RgbImage image = TranslateCommand.read(new ImageDecoder(translation.maxPixels), exemplar, "--exemplar");
        try {
            return ExemplarStyle.of(exemplar, image, translation.maxSide);
        } catch (ImageException e) {
            throw new IllegalArgumentException("--exemplar " + exemplar + ": " + CommandLineConfig.oneLine(e));
        }
    }
}
