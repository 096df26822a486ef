package io.gdwct.eval;

import io.gdwct.core.Sizing;
import io.gdwct.core.Strength;
import io.gdwct.core.TranslationRequest;
import io.gdwct.eval.ImageSet.NamedImage;
import io.gdwct.eval.metrics.Gaussian;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import io.gdwct.model.nn.NoGrad;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Translates every content × exemplar pair with one model and scores each output: the in-memory
 * core of {@code gdwct evaluate} (see {@link EvaluationRun} for the folders and files around it).
 *
 * <p>Inputs go through {@link Sizing#prepare}, the resize rules {@code translate} and
 * the service use, so the numbers describe what users get. Outputs are compared with the content
 * <em>as prepared</em> (same size as the output; SSIM needs that) and the exemplar as prepared.
 * Strength is 1 (the modules' α as trained).
 *
 * <p>Before the pairs, the first pair is translated once and thrown away: the first forward pays
 * for lazy native initialisation and allocator warm-up, which is not the model's speed.
 */
public final class Evaluation {

    /**
     * @param direction which way to translate
     * @param maxSide longest side of the prepared images (as translate's --max-side)
     * @param cellSize side of a grid.png cell
     * @param strength scale of every GDWCT module's learned α, as translate's --strength (1 = as trained)
     * @param colourTransfer also score {@link ColourTransfer} on every pair (the report's baseline)
     */
    public record Settings(Direction direction, int maxSide, int cellSize, Strength strength, boolean colourTransfer) {
        public Settings {
            Objects.requireNonNull(strength, "strength");
        }

        /** Without a baseline. */
        public Settings(Direction direction, int maxSide, int cellSize, float strength) {
            this(direction, maxSide, cellSize, new Strength(strength), false);
        }

        /** At the trained strength (1), without a baseline. */
        public Settings(Direction direction, int maxSide, int cellSize) {
            this(direction, maxSide, cellSize, Strength.FULL, false);
        }
    }

    /** The report and the composed grid. */
    public record Result(EvaluationReport report, RgbImage grid) {}

    private final GdwctModel model;
    private final String modelName;
    private final Settings settings;
    private final Clock clock;

    public Evaluation(GdwctModel model, String modelName, Settings settings, Clock clock) {
        this.model = model;
        this.modelName = modelName;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs all pairs, content-major (content 0 with every exemplar, then content 1, ...).
     *
     * @param progress told one line per finished pair
     */
    public Result run(List<NamedImage> contents, List<NamedImage> exemplars, Consumer<String> progress) {
        if (contents.isEmpty() || exemplars.isEmpty()) {
            throw new IllegalArgumentException("need at least one content and one exemplar image");
        }
        int nc = contents.size();
        int ne = exemplars.size();
        ImageStats[] contentStats = new ImageStats[nc];
        ImageStats[] exemplarStats = new ImageStats[ne];
        Gaussian[][] outputLab = new Gaussian[nc][ne];
        EvaluationGrid grid = new EvaluationGrid(settings.cellSize(), nc, ne);
        List<PairResult> pairs = new ArrayList<>(nc * ne);
        List<PairResult> baselinePairs = new ArrayList<>();
        Gaussian[][] baselineLab = new Gaussian[nc][ne];
        PairTranslator translator = new PairTranslator(model);
        try (NoGrad noGrad = new NoGrad()) {
            translator.translate(prepare(contents.get(0), exemplars.get(0))); // warm-up, not timed
            for (int c = 0; c < nc; c++) {
                for (int e = 0; e < ne; e++) {
                    NamedImage content = contents.get(c);
                    NamedImage exemplar = exemplars.get(e);
                    TranslationRequest request = prepare(content, exemplar);
                    if (contentStats[c] == null) {
                        contentStats[c] = ImageStats.of(request.content());
                        grid.setContent(c, request.content());
                    }
                    if (exemplarStats[e] == null) {
                        exemplarStats[e] = ImageStats.of(request.exemplar());
                        grid.setExemplar(e, request.exemplar());
                    }
                    PairTranslator.Translated t = translator.translate(request);
                    ImageStats output = ImageStats.of(t.image());
                    outputLab[c][e] = output.lab();
                    grid.setOutput(c, e, t.image());
                    PairResult pair = PairResult.of(content.name(), exemplar.name(),
                            PairScores.of(contentStats[c], output, exemplarStats[e]),
                            t.whiteningError(), t.coloringOrthogonality(), t.ms());
                    pairs.add(pair);
                    if (settings.colourTransfer()) {
                        long t0 = System.nanoTime();
                        RgbImage trivial = ColourTransfer.apply(request.content(), request.exemplar());
                        double ms = (System.nanoTime() - t0) / 1e6;
                        ImageStats stats = ImageStats.of(trivial);
                        baselineLab[c][e] = stats.lab();
                        baselinePairs.add(PairResult.of(content.name(), exemplar.name(),
                                PairScores.of(contentStats[c], stats, exemplarStats[e]), Double.NaN, Double.NaN, ms));
                    }
                    progress.accept(String.format(Locale.ROOT, "[%d/%d] %s x %s: style %.3f, texture %.3f, ssim %.3f, tone %.3f, %.0f ms",
                            pairs.size(), nc * ne, content.name(), exemplar.name(),
                            pair.styleRatio(), pair.textureRatio(), pair.structure(), pair.tone(), pair.ms()));
                }
            }
        }
        Gaussian[] exemplarLab = new Gaussian[ne];
        for (int e = 0; e < ne; e++) {
            exemplarLab[e] = exemplarStats[e].lab();
        }
        EvaluationReport report = new EvaluationReport(modelName, model.info(), settings.direction(),
                settings.maxSide(), settings.strength().value(), settings.cellSize(), clock.instant(),
                contents.stream().map(NamedImage::name).toList(), exemplars.stream().map(NamedImage::name).toList(),
                pairs, Summary.of(pairs, exemplarLab, outputLab),
                settings.colourTransfer() ? new BaselineResult(ColourTransfer.NAME, baselinePairs,
                        Summary.of(baselinePairs, exemplarLab, baselineLab)) : null);
        return new Result(report, grid.compose());
    }

    private TranslationRequest prepare(NamedImage content, NamedImage exemplar) {
        try {
            return Sizing.prepare(content.image(), exemplar.image(), settings.direction(), settings.maxSide(), settings.strength());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("content " + content.name() + " with exemplar " + exemplar.name()
                    + ": " + e.getMessage(), e);
        }
    }
}
