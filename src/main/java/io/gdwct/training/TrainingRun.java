package io.gdwct.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.GdwctModel;
import io.gdwct.model.ModelDirectory;
import io.gdwct.model.ModelInfo;
import io.gdwct.model.Provenance;
import io.gdwct.model.StateDicts;
import io.gdwct.model.nn.NoGrad;
import io.gdwct.training.data.Augmentation;
import io.gdwct.training.data.Batch;
import io.gdwct.training.data.UnpairedBatchLoader;
import io.gdwct.training.report.LossChart;
import io.gdwct.training.report.MetricsLog;
import io.gdwct.training.report.ProgressReporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A training run from start (or the latest checkpoint) to its last iteration: data, steps,
 * progress, metrics log, sample grids, loss chart, atomic checkpoints every K iterations and on
 * SIGINT/SIGTERM, and the exported serving model at the end.
 */
public final class TrainingRun {
    private static final Logger LOG = Logger.getLogger(TrainingRun.class);
    private static final List<String> CHART_SERIES =
            List.of("d_loss", "gen_adv", "ae_rec", "cross_rec", "latent_s", "latent_c", "whitening_reg", "coloring_reg");

    /** The loss chart's series: the official terms, and the added losses that are on. */
    private List<String> chartSeries() {
        List<String> all = new java.util.ArrayList<>(CHART_SERIES);
        if (cfg.lambdaStructure() > 0) {
            all.add("structure");
        }
        if (cfg.lambdaTexture() > 0) {
            all.add("texture");
        }
        return all;
    }

    /**
     * Where the data and outputs are.
     *
     * @param validationA validation folders for the tone watch (both or neither; null: the sample
     *                    grid's training crops are watched instead)
     */
    public record Paths(Path dataA, Path dataB, Path runDir, Path exportDir, Path validationA, Path validationB) {
        public Paths {
            if ((validationA == null) != (validationB == null)) {
                throw new IllegalArgumentException("give both validation folders (--val-a and --val-b) or neither");
            }
        }

        public Paths(Path dataA, Path dataB, Path runDir, Path exportDir) {
            this(dataA, dataB, runDir, exportDir, null, null);
        }
    }

    private final TrainingConfig cfg;
    private final Paths paths;
    private final ModelInfo.Domains domains;
    private final Device device;
    private final PrintStream out;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    public TrainingRun(TrainingConfig cfg, Paths paths, ModelInfo.Domains domains, Device device, PrintStream out) {
        this.cfg = cfg;
        this.paths = paths;
        this.domains = domains;
        this.device = device;
        this.out = out;
    }

    /** Asks the loop to checkpoint and stop after the current iteration. */
    public void requestStop() {
        stopRequested.set(true);
    }

    /**
     * Runs until the last iteration or a stop request.
     *
     * @param resume continue from RUN_DIR's checkpoint when there is one (else start fresh)
     * @param stopAfter stop (with a checkpoint) once this many iterations ran in this call; for tests
     * @return the next iteration to run (== iterations when finished)
     */
    public long run(boolean resume, long stopAfter) throws IOException, InterruptedException {
        Files.createDirectories(paths.runDir());
        Augmentation aug = Augmentation.of(cfg.imageSize()).withResizeShortSide(cfg.resizeShortSide())
                .withScaleRange(cfg.minScale(), cfg.maxScale());
        try (TrainingModels models = new TrainingModels(cfg, device)) {
            long start = 0;
            double elapsedBefore = 0;
            if (resume && TrainingCheckpoint.exists(paths.runDir())) {
                TrainingCheckpoint.State st = TrainingCheckpoint.load(paths.runDir(), models);
                start = st.nextIteration();
                elapsedBefore = st.elapsedSeconds();
                LOG.infof("Resuming %s at iteration %d", paths.runDir(), start);
            } else if (resume) {
                LOG.infof("No checkpoint in %s: starting a fresh run", paths.runDir());
            } else if (TrainingCheckpoint.exists(paths.runDir())) {
                throw new IllegalArgumentException(paths.runDir() + " already holds a training checkpoint;"
                        + " pass --resume to continue it or choose another --out");
            }
            GdwctTrainer trainer = new GdwctTrainer(cfg, models);
            try (UnpairedBatchLoader loader = UnpairedBatchLoader.open(paths.dataA(), paths.dataB(),
                        cfg.batchSize(), aug, cfg.seed(), start);
                    MetricsLog metrics = new MetricsLog(paths.runDir())) {
                metrics.truncateAfter(start); // lines are numbered by completed iterations
                LOG.infof("Data: A %s (%d images, %d skipped), B %s (%d images, %d skipped)",
                        paths.dataA(), loader.domainA().size(), loader.domainA().skippedCount(),
                        paths.dataB(), loader.domainB().size(), loader.domainB().skippedCount());
                SampleSet samples = new SampleSet(loader.domainA(), loader.domainB(), 4, cfg.imageSize());
                ToneWatch watch = paths.validationA() == null ? null
                        : ToneWatch.of(paths.validationA(), paths.validationB(), cfg.imageSize());
                GdwctModel view = GdwctModel.of(info(loader, start), models.manager(), models.gA(), models.gB());
                ProgressReporter progress = new ProgressReporter(cfg.iterations(), start, out);
                CountDownLatch finished = new CountDownLatch(1);
                Thread hook = new Thread(() -> {
                    requestStop();
                    try {
                        finished.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "gdwct-train-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                long t0 = System.nanoTime();
                long i = start;
                try {
                    while (i < cfg.iterations() && !stopRequested.get() && i - start < stopAfter) {
                        Batch batch = loader.next();
                        Map<String, Double> losses;
                        try (NDManager step = models.manager().newSubManager()) {
                            Shape shape = new Shape(batch.shape());
                            NDArray xA = step.create(batch.a(), shape);
                            NDArray xB = step.create(batch.b(), shape);
                            losses = trainer.step(xA, xB, i, step);
                        }
                        i++;
                        progress.update(i, losses);
                        double elapsed = elapsedBefore + (System.nanoTime() - t0) / 1e9;
                        Map<String, Double> values = new LinkedHashMap<>(losses);
                        double lr = values.remove("lr");
                        if (i % cfg.sampleEvery() == 0 || i == cfg.iterations()) {
                            SampleSet.Stats stats;
                            ToneWatch.Reading tone = null;
                            try (NoGrad ng = new NoGrad()) {
                                stats = samples.render(view, models.manager(), paths.runDir().resolve(String.format("samples-%08d.png", i)));
                                tone = watch == null ? null : watch.measure(view, models.manager());
                            }
                            values.put("whitening_error", stats.whiteningError());
                            values.put("coloring_orthogonality", stats.coloringOrthogonality());
                            values.put("sample_tone", stats.tone());
                            if (tone != null) {
                                values.put("val_tone", tone.mean());
                                values.put("val_low_tone", tone.lowShare());
                            }
                            String warning = ToneWatch.warning(i, stats.tone(), tone);
                            if (warning != null) {
                                LOG.warn(warning);
                            }
                        }
                        if (i % cfg.logEvery() == 0 || values.containsKey("whitening_error")) {
                            metrics.log(i, elapsed, progress.itPerSec(), lr, values);
                        }
                        if (values.containsKey("whitening_error")) {
                            LossChart.write(paths.runDir().resolve("losses.png"), MetricsLog.read(metrics.file()), chartSeries(), 20);
                        }
                        if (i % cfg.checkpointEvery() == 0) {
                            TrainingCheckpoint.save(paths.runDir(), models, cfg, i, elapsed);
                        }
                    }
                    progress.finish();
                    double elapsed = elapsedBefore + (System.nanoTime() - t0) / 1e9;
                    TrainingCheckpoint.save(paths.runDir(), models, cfg, i, elapsed);
                    LOG.infof("Checkpoint at iteration %d written to %s (%.2f h of training in total)",
                            i, TrainingCheckpoint.file(paths.runDir()), elapsed / 3600);
                    if (i >= cfg.iterations() || paths.exportDir() != null) {
                        Path dir = paths.exportDir() != null ? paths.exportDir() : paths.runDir().resolve("model");
                        export(dir, models, loader, i, elapsed);
                    }
                    return i;
                } finally {
                    finished.countDown();
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is exiting because of this very signal; the hook is waiting on us
                    }
                }
            }
        }
    }

    private ModelInfo info(UnpairedBatchLoader loader, long iterations) {
        return ModelInfo.of(cfg.model(), domains, provenance(loader, iterations, 0));
    }

    private Provenance provenance(UnpairedBatchLoader loader, long iterations, double seconds) {
        return Provenance.trained(
                new Provenance.Data(paths.dataA().toString(), loader.domainA().size(), loader.domainA().skippedCount()),
                new Provenance.Data(paths.dataB().toString(), loader.domainB().size(), loader.domainB().skippedCount()),
                iterations, Math.round(seconds / 36.0) / 100.0, cfg.seed(), cfg, Instant.now().toString());
    }

    private void export(Path dir, TrainingModels models, UnpairedBatchLoader loader, long iterations, double seconds)
            throws IOException {
        ModelInfo info = ModelInfo.of(cfg.model(), domains,
                provenance(loader, iterations, seconds));
        GeneratorAverage avg = models.average();
        if (avg == null) {
            ModelDirectory.write(dir, info, StateDicts.export(models.gA()), StateDicts.export(models.gB()));
        } else {
            ModelDirectory.write(dir, info, avg.overlay("G_A.", StateDicts.export(models.gA())),
                    avg.overlay("G_B.", StateDicts.export(models.gB())));
        }
        LOG.infof("Serving model written to %s%s", dir, avg == null ? "" : " (weights averaged, decay " + avg.decay() + ")");
    }
}
