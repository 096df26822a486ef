package io.gdwct.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.api.TestModels;
import io.gdwct.core.ImageTensors;
import io.gdwct.core.Sizing;
import io.gdwct.core.Strength;
import io.gdwct.core.TranslationRequest;
import io.gdwct.image.RgbImage;
import io.gdwct.inference.ModelRunner;
import io.gdwct.model.nn.Decoder;
import io.gdwct.model.nn.NoGrad;
import io.gdwct.training.GdwctTrainer;
import io.gdwct.training.TrainingConfig;
import io.gdwct.training.TrainingModels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The memory rule: every request and training step allocates from its own sub-manager, closed when
 * it ends, so the long-lived managers (a loaded model's, the DJL model's and its predictors', the
 * training models' and the optimisers' state) hold the same arrays after any number of calls.
 *
 * <p>Counted with DJL's public {@link NDManager#getManagedArrays()}, which lists a manager's arrays
 * and, recursively, those of its open sub-managers: a stray array attached to a long-lived manager,
 * or a per-call manager left open, raises the count.
 */
class LongLivedManagerTest {
    private static final int MAX_SIDE = 512;

    @Test
    void translationsLeaveTheModelAndEngineManagersUnchanged() throws Exception {
        // the service's path: a loaded (frozen) model and a ModelRunner called from a long-lived
        // worker thread, as InferencePool's workers hold them
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-inference-worker"));
        try (GdwctModel model = GdwctModel.load(TestModels.tinyModels().resolve("default"), Device.cpu());
                ModelRunner runner = new ModelRunner("default", model)) {
            NDManager modelManager = model.generatorA().namedParameters().values().iterator().next()
                    .getArray().getManager();
            // every base manager (the model's, the DJL Model's, predictors', per-request ones) is a
            // sub-manager of the engine's system manager: its count is every live array of the engine
            NDManager engine = modelManager.getParentManager();
            worker.submit(() -> {
                try (ModelRunner predictor = runner) {
                    // warm-up: one translation per direction fills each decoder's caches of folded
                    // frozen kernels (UpsampleConv, SpaceToDepthConv), in the model's manager
                    int before = count(modelManager);
                    for (Direction d : Direction.values()) {
                        predictor.translate(request(64, 64, 64, 64, d, 1f, 0));
                    }
                    int model0 = count(modelManager);
                    int engine0 = count(engine);
                    assertTrue(model0 > before, "the warm-up should have cached folded kernels: " + before + " → " + model0);

                    for (int i = 0; i < 20; i++) {
                        Direction d = i % 2 == 0 ? Direction.A2B : Direction.B2A;
                        float strength = i % 4 < 2 ? 1f : 0.5f;
                        int h = i % 3 == 0 ? 64 : 48;
                        int w = i % 3 == 0 ? 64 : 80;
                        TranslationRequest req = request(h, w, 40 + 8 * (i % 3), 56, d, strength, i + 1);
                        String what = "translation " + i + " (" + h + "x" + w + ", " + d + ", strength " + strength;
                        RgbImage out;
                        switch (i % 5) {
                            case 0, 1, 2 -> {
                                what += ", service predictor)";
                                out = predictor.translate(req);
                            }
                            case 3 -> {
                                what += ", CLI translateOnce)";
                                out = runner.translateOnce(req);
                            }
                            default -> {
                                what += ", evaluate's per-request manager with statistics)";
                                out = withStats(model, req);
                            }
                        }
                        assertEquals(w, out.width(), what);
                        assertEquals(h, out.height(), what);
                        assertEquals(model0, count(modelManager), "model manager after " + what);
                        assertEquals(engine0, count(engine), "engine's live arrays after " + what);
                    }
                    System.out.printf("LongLivedManagerTest inference: model manager %d arrays before the warm-up, "
                            + "%d after it and after 20 translations; engine %d%n", before, model0, engine0);
                }
                return null;
            }).get();
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void trainingStepsLeaveTheTrainingManagersUnchanged() {
        TrainingConfig cfg = new TrainingConfig(new GdwctConfig(4, 2, 8, 2, 4, 3, 2), 5, 1, 32, 32, 1, 1,
                1e-3, 1e-3, 0.5, 0.999, 1e-4, 5, 10, 0.5, 10, 10, 1, 1, 0.001, 10, 0, 0, 0, 10, 10, 1, 3);
        Random rng = new Random(11);
        try (TrainingModels models = new TrainingModels(cfg, Device.cpu())) {
            GdwctTrainer trainer = new GdwctTrainer(cfg, models);
            Map<NDManager, Integer> first = null;
            for (long i = 0; i < 5; i++) {
                // as TrainingRun does: the step's arrays in a sub-manager closed after it
                try (NDManager step = models.manager().newSubManager()) {
                    Shape shape = new Shape(1, 3, 32, 32);
                    NDArray xA = step.create(uniform(rng, 3 * 32 * 32), shape);
                    NDArray xB = step.create(uniform(rng, 3 * 32 * 32), shape);
                    Map<String, Double> losses = trainer.step(xA, xB, i, step);
                    assertTrue(Double.isFinite(losses.get("g_total")), "step " + i + ": " + losses);
                }
                // and a sample grid's translations, as TrainingRun renders them between steps
                try (NoGrad ng = new NoGrad(); NDManager sample = models.manager().newSubManager()) {
                    GdwctModel view = GdwctModel.of(ModelInfo.of(cfg.model(), "a", "b", null), models.manager(),
                            models.gA(), models.gB());
                    NDArray xa = sample.create(uniform(rng, 3 * 32 * 32), new Shape(1, 3, 32, 32));
                    NDArray xb = sample.create(uniform(rng, 3 * 32 * 32), new Shape(1, 3, 32, 32));
                    Decoder.Output ab = view.translate(xa, view.styleCode(xb, Direction.A2B), Direction.A2B, 1f, true);
                    GdwctStats.whiteningError(ab);
                    view.translate(xb, view.styleCode(xa, Direction.B2A), Direction.B2A, 0.5f, false).image().toFloatArray();
                }
                Map<NDManager, Integer> counts = countsByManager(models.manager());
                // the models' manager itself and the two optimisers' state sub-managers (Adam m, v)
                assertEquals(3, counts.size(), "managers holding arrays after step " + i + ": " + describe(counts));
                if (first == null) {
                    first = counts;
                    System.out.println("LongLivedManagerTest training: arrays per manager after the first step "
                            + describe(counts) + ", " + count(models.manager()) + " in all");
                } else {
                    assertEquals(describe(first), describe(counts), "arrays per manager after step " + i);
                }
            }
        }
    }

    /** Arrays held by {@code m} and its open sub-managers. */
    private static int count(NDManager m) {
        return m.getManagedArrays().size();
    }

    /** {@link #count}, split by the manager each array is attached to. */
    private static Map<NDManager, Integer> countsByManager(NDManager m) {
        Map<NDManager, Integer> out = new LinkedHashMap<>();
        for (NDArray a : m.getManagedArrays()) {
            out.merge(a.getManager(), 1, Integer::sum);
        }
        return out;
    }

    /** Sorted counts with "root" for {@code m} itself: managers' identities are per run. */
    private static String describe(Map<NDManager, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> (e.getKey().getParentManager() != null && counts.containsKey(e.getKey().getParentManager())
                        ? "sub:" : "root:") + e.getValue())
                .sorted().toList().toString();
    }

    /** The evaluate command's path (PairTranslator): its own manager, statistics requested. */
    private static RgbImage withStats(GdwctModel model, TranslationRequest req) {
        try (NoGrad ng = new NoGrad(); NDManager m = NDManager.newBaseManager(model.device())) {
            NDArray content = ImageTensors.toTensor(m, req.content());
            NDArray style = model.styleCode(ImageTensors.toTensor(m, req.exemplar()), req.direction());
            Decoder.Output out = model.translate(content, style, req.direction(), req.strength().value(), true);
            assertTrue(Double.isFinite(GdwctStats.whiteningError(out)));
            assertTrue(Double.isFinite(GdwctStats.coloringOrthogonality(out)));
            return ImageTensors.toImage(out.image(), 0);
        }
    }

    private static TranslationRequest request(int h, int w, int eh, int ew, Direction d, float strength, int seed) {
        return Sizing.prepare(image(w, h, seed), image(ew, eh, seed + 1000), d, MAX_SIDE, new Strength(strength));
    }

    private static RgbImage image(int w, int h, int seed) {
        Random rng = new Random(seed);
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (255 * x / w);
                rgb[i + 1] = (byte) (255 * y / h);
                rgb[i + 2] = (byte) rng.nextInt(256);
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static float[] uniform(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextFloat() * 2 - 1;
        }
        return v;
    }
}
