package io.gdwct.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.gdwct.model.nn.Decoder;
import io.gdwct.model.nn.Discriminator;
import io.gdwct.model.nn.Generator;
import io.gdwct.model.nn.NdOps;
import io.gdwct.model.nn.NoGrad;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One GDWCT training iteration: the official {@code update_D} then {@code update_G}
 * ({@code run.py} l.161-268; reference §3.1), with the same losses, weights and Adam updates.
 *
 * <p>Deliberate difference from the official code, with the same result: the first-stage
 * translations (c_A, c_B, s_A, s_B, x_AB, x_BA) are computed once and shared by the D and G
 * updates, since G's weights do not change in between; the official code computes them twice.
 * The instance-norm running statistics are advanced twice for those encodes, as two calls
 * would. α is clamped to [0, 1] before that shared stage rather than after the D update.
 */
public final class GdwctTrainer {
    private final TrainingConfig cfg;
    private final TrainingModels models;
    private static final Logger LOG = Logger.getLogger(GdwctTrainer.class);
    /** Skipped updates in a row (G's count; D's are counted in the same sequence) before a run stops. */
    static final int MAX_CONSECUTIVE_SKIPS = 20;
    private long skipped;
    private int consecutiveSkips;

    /** Outputs of the first stage, kept for both updates. */
    public record Stage1(NDArray cA, NDArray cB, NDArray sA, NDArray sB, Decoder.Output ab, Decoder.Output ba) {}

    /**
     * The generator loss terms (unweighted, as the official code defines them) and the total;
     * {@code structure} ({@link StructureLoss}) and {@code texture} ({@link TextureLoss}), not
     * official, are null when their weight is 0.
     */
    public record GeneratorLoss(NDArray genAdv, NDArray crossRec, NDArray aeRec, NDArray latentS,
            NDArray latentC, NDArray whiteningReg, NDArray coloringReg, NDArray structure, NDArray texture,
            NDArray total) {
        /** The values under the official fixture's names, in the training log's column order. */
        public Map<String, Double> values() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("gen_adv", NdOps.value(genAdv));
            m.put("ae_rec", NdOps.value(aeRec));
            m.put("cross_rec", NdOps.value(crossRec));
            m.put("latent_s", NdOps.value(latentS));
            m.put("latent_c", NdOps.value(latentC));
            m.put("whitening_reg", NdOps.value(whiteningReg));
            m.put("coloring_reg", NdOps.value(coloringReg));
            if (structure != null) {
                m.put("structure", NdOps.value(structure));
            }
            if (texture != null) {
                m.put("texture", NdOps.value(texture));
            }
            m.put("g_total", NdOps.value(total));
            return m;
        }
    }

    public GdwctTrainer(TrainingConfig cfg, TrainingModels models) {
        this.cfg = cfg;
        this.models = models;
    }

    /**
     * First stage in training mode: encodes and cross-translations.
     *
     * @param xA (B, 3, S, S) domain-A images in [-1, 1]
     * @param xB (B, 3, S, S) domain-B images
     */
    public Stage1 stage1(NDArray xA, NDArray xB) {
        Generator gA = models.gA();
        Generator gB = models.gB();
        NDArray cA = gA.contentEncoder().encode(xA, true, 2);
        NDArray cB = gB.contentEncoder().encode(xB, true, 2);
        NDArray sA = gA.styleEncoder().encode(xA);
        NDArray sB = gB.styleEncoder().encode(xB);
        Decoder.Output ab = gB.decoder().decode(cA, sB, true, 1f, true);
        Decoder.Output ba = gA.decoder().decode(cB, sA, true, 1f, true);
        return new Stage1(cA, cB, sA, sB, ab, ba);
    }

    /** LSGAN discriminator loss of both discriminators, fakes detached. */
    public NDArray discriminatorLoss(Stage1 st, NDArray xA, NDArray xB) {
        Discriminator dA = models.dA();
        Discriminator dB = models.dB();
        return dA.discriminatorLoss(st.ba().image().stopGradient(), xA)
                .add(dB.discriminatorLoss(st.ab().image().stopGradient(), xB));
    }

    /** Second stage and every generator loss term. */
    public GeneratorLoss generatorLoss(Stage1 st, NDArray xA, NDArray xB) {
        Generator gA = models.gA();
        Generator gB = models.gB();
        NDArray xAB = st.ab().image();
        NDArray xBA = st.ba().image();
        NDArray cBA = gA.contentEncoder().encode(xBA, true, 1);
        NDArray cAB = gB.contentEncoder().encode(xAB, true, 1);
        NDArray sAB = gB.styleEncoder().encode(xAB);
        NDArray sBA = gA.styleEncoder().encode(xBA);
        Decoder.Output aba = gA.decoder().decode(cAB, sBA, true, 1f, true);
        Decoder.Output bab = gB.decoder().decode(cBA, sAB, true, 1f, true);
        NDArray xAA = gA.decoder().decode(st.cA(), st.sA(), true, 1f, true).image();
        NDArray xBB = gB.decoder().decode(st.cB(), st.sB(), true, 1f, true).image();

        NDArray genAdv = models.dA().generatorLoss(xBA).add(models.dB().generatorLoss(xAB));
        NDArray crossRec = NdOps.l1(aba.image(), xA).add(NdOps.l1(bab.image(), xB));
        NDArray aeRec = NdOps.l1(xAA, xA).add(NdOps.l1(xBB, xB));
        NDArray latentS = NdOps.l1(sAB, st.sB()).add(NdOps.l1(sBA, st.sA()));
        NDArray latentC = NdOps.l1(cAB, st.cA()).add(NdOps.l1(cBA, st.cB()));
        List<Decoder.Output> calls = List.of(st.ab(), st.ba(), aba, bab);
        NDArray wReg = regularizer(calls, true);
        NDArray cReg = regularizer(calls, false);
        NDArray total = genAdv
                .add(aeRec.mul(NdOps.scalar(genAdv, cfg.lambdaXRec())))
                .add(crossRec.mul(NdOps.scalar(genAdv, cfg.lambdaXCyc())))
                .add(latentS.mul(NdOps.scalar(genAdv, cfg.lambdaS())))
                .add(latentC.mul(NdOps.scalar(genAdv, cfg.lambdaC())))
                .add(wReg.mul(NdOps.scalar(genAdv, cfg.lambdaWReg())))
                .add(cReg.mul(NdOps.scalar(genAdv, cfg.lambdaCReg())));
        NDArray structure = null;
        if (cfg.lambdaStructure() > 0) {
            // each translation against its own content image (not official; see StructureLoss)
            structure = StructureLoss.loss(xAB, xA).add(StructureLoss.loss(xBA, xB));
            total = total.add(structure.mul(NdOps.scalar(genAdv, cfg.lambdaStructure())));
        }
        NDArray texture = null;
        if (cfg.lambdaTexture() > 0) {
            // each translation against the exemplar whose style code made it (not official; see TextureLoss)
            texture = TextureLoss.loss(xAB, xB).add(TextureLoss.loss(xBA, xA));
            total = total.add(texture.mul(NdOps.scalar(genAdv, cfg.lambdaTexture())));
        }
        return new GeneratorLoss(genAdv, crossRec, aeRec, latentS, latentC, wReg, cReg, structure, texture, total);
    }

    /**
     * Whether {@code opt}'s gradients are all finite. A non-finite one is dropped (the update of
     * that network is skipped, its gradients zeroed), as mixed-precision loss scalers do: one such
     * update would turn every weight into NaN, and every later checkpoint with it. In the small
     * configurations a rare exemplar early in a run can drive the decoder's features past float32's
     * range through the five coloring matrices in sequence (LayerNorm's backward then gives NaN
     * while its forward stays finite); the official code would propagate the NaN. Never happens in
     * the parity fixtures, so official runs are unchanged. A run whose updates keep failing stops.
     */
    private boolean finiteOrSkip(AdamOptimizer opt, String what, long iteration, NDManager scope) {
        String bad = opt.firstNonFiniteGradient(scope);
        if (bad == null) {
            return true;
        }
        opt.clearGradients(scope);
        skipped++;
        consecutiveSkips++;
        LOG.warnf("iteration %d: the %s gradient of %s is not finite; that update is skipped (%d skipped so far)",
                iteration + 1, what, bad, skipped);
        if (consecutiveSkips > MAX_CONSECUTIVE_SKIPS) {
            throw new TrainingDivergedException(String.format(
                    "training diverged at iteration %d: %d updates in a row had non-finite gradients (last: the %s"
                            + " gradient of %s); the weights hold no NaN and the last checkpoint is intact:"
                            + " resume it with a lower learning rate", iteration + 1, consecutiveSkips, what, bad));
        }
        return false;
    }

    /** Updates skipped for a non-finite gradient since this trainer was made. */
    public long skippedUpdates() {
        return skipped;
    }

    /**
     * The official {@code reg}: per call, mean |X − I| over all modules' matrices, averaged over
     * the calls. Whitening (R_w) uses the covariances Σ (G, n, n); coloring (R_c) the bases U
     * (B, G, n, n), pulled toward I elementwise as the official code does (not UᵀU).
     */
    static NDArray regularizer(List<Decoder.Output> calls, boolean whitening) {
        NDArray sum = null;
        for (Decoder.Output call : calls) {
            List<NDArray> mats = whitening ? call.covariances() : call.coloringBases();
            NDList flat = new NDList();
            long n = mats.get(0).getShape().get(mats.get(0).getShape().dimension() - 1);
            for (NDArray x : mats) {
                flat.add(x.reshape(-1, n, n));
            }
            NDArray all = NDArrays.concat(flat, 0);
            NDArray term = all.sub(all.getManager().eye((int) n, (int) n, 0, all.getDataType())).abs().mean();
            sum = sum == null ? term : sum.add(term);
        }
        return sum.div(NdOps.scalar(sum, calls.size()));
    }

    /**
     * One full iteration: clamp α, shared stage 1, D update, G losses, G update. Every array is
     * allocated in {@code scope}, which the caller closes.
     *
     * @return the loss values of this iteration
     */
    public Map<String, Double> step(NDArray xA, NDArray xB, long iteration, NDManager scope) {
        double lrG = cfg.lrAt(cfg.lrG(), iteration);
        double lrD = cfg.lrAt(cfg.lrD(), iteration);
        try (NoGrad ignored = new NoGrad()) {
            models.gA().clampAlphas();
            models.gB().clampAlphas();
            AdamOptimizer.zeroGradients(models.discriminatorParameters().values(), scope);
        }
        List<NDArray> statsBefore = new ArrayList<>();
        try (NoGrad ignored = new NoGrad()) {
            for (Parameter p : models.runningStatistics()) {
                NDArray copy = p.getArray().duplicate(); // restored if this step's update is skipped
                copy.attach(scope); // a duplicate lands in the parameter's (model-lifetime) manager
                statsBefore.add(copy);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        try (GradientCollector gc = scope.getEngine().newGradientCollector()) {
            Stage1 st = stage1(xA, xB);
            NDArray dLoss = discriminatorLoss(st, xA, xB);
            gc.backward(dLoss);
            try (NoGrad ignored = new NoGrad()) {
                if (finiteOrSkip(models.optD(), "discriminator", iteration, scope)) {
                    models.optD().step(lrD, scope);
                }
            }
            GeneratorLoss g = generatorLoss(st, xA, xB);
            gc.backward(g.total());
            out.put("d_loss", NdOps.value(dLoss));
            out.putAll(g.values());
        }
        try (NoGrad ignored = new NoGrad()) {
            boolean gOk = finiteOrSkip(models.optG(), "generator", iteration, scope);
            if (gOk) {
                consecutiveSkips = 0;
                models.optG().step(lrG, scope);
            } else {
                // the forwards that led to the non-finite gradient also moved the running statistics
                List<Parameter> stats = models.runningStatistics();
                for (int i = 0; i < stats.size(); i++) {
                    statsBefore.get(i).copyTo(stats.get(i).getArray());
                }
            }
            if (models.average() != null) {
                models.average().update(scope);
            }
            // the adversarial term also filled D's gradients; they must not leak into D's next step
            AdamOptimizer.zeroGradients(models.discriminatorParameters().values(), scope);
        }
        out.put("lr", lrG);
        return out;
    }

    static List<Parameter> trainable(Map<String, Parameter> ps) {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : ps.values()) {
            if (p.requiresGradient()) {
                out.add(p);
            }
        }
        return out;
    }
}
