package io.gdwct.training;

import io.gdwct.model.GdwctConfig;
import java.util.Locale;

/**
 * Every knob of a training run. Defaults are the official ones ({@code configs/config.yaml},
 * reference §3); {@link #cpuSmall()} is sized to train and serve on a 2-core CPU.
 *
 * @param model generator and discriminator sizes
 * @param iterations total iterations (official NUM_ITERS)
 * @param batchSize official BATCH_SIZE
 * @param imageSize training crop (official CROP_SIZE)
 * @param resizeShortSide the short side is resized to this before the crop (official RESIZE)
 * @param minScale lower bound of an optional random scale of the resize (1 = off)
 * @param maxScale upper bound of the random scale (1 = off)
 * @param lrG generator learning rate (G_LR)
 * @param lrD discriminator learning rate (D_LR)
 * @param beta1 Adam β1 (0.5)
 * @param beta2 Adam β2 (0.999)
 * @param weightDecay L2 added to the gradient, as torch.optim.Adam's weight_decay does (not AdamW)
 * @param decayStart the StepLR schedule starts stepping after this iteration (NUM_ITERS_DECAY)
 * @param stepSize StepLR step size (STEP_SIZE)
 * @param gamma StepLR factor (0.5)
 * @param lambdaXRec self-reconstruction weight (LAMBDA_X_REC)
 * @param lambdaXCyc cross-cycle weight (LAMBDA_X_CYC)
 * @param lambdaS style-code weight (LAMBDA_S)
 * @param lambdaC content-code weight (LAMBDA_C)
 * @param lambdaWReg whitening regularisation weight (LAMBDA_W_REG)
 * @param lambdaCReg coloring regularisation weight (LAMBDA_C_REG)
 * @param lambdaStructure weight of {@link StructureLoss} on both translations; 0 (the official
 *     losses) unless set. Not in the official code: see {@link StructureLoss} for why it exists
 * @param lambdaTexture weight of {@link TextureLoss} on both translations against their
 *     exemplars; 0 (official) unless set. Not in the official code: see {@link TextureLoss}
 * @param emaDecay decay of the moving average of the generators' weights that the exported
 *     model takes; 0 (official: the last weights) unless set. See {@link GeneratorAverage}
 * @param checkpointEvery iterations between checkpoints
 * @param sampleEvery iterations between sample grids and loss charts
 * @param logEvery iterations between metrics-log lines
 * @param seed seeds weight init and data order
 */
public record TrainingConfig(
        GdwctConfig model,
        long iterations,
        int batchSize,
        int imageSize,
        int resizeShortSide,
        double minScale,
        double maxScale,
        double lrG,
        double lrD,
        double beta1,
        double beta2,
        double weightDecay,
        long decayStart,
        long stepSize,
        double gamma,
        double lambdaXRec,
        double lambdaXCyc,
        double lambdaS,
        double lambdaC,
        double lambdaWReg,
        double lambdaCReg,
        double lambdaStructure,
        double lambdaTexture,
        double emaDecay,
        long checkpointEvery,
        long sampleEvery,
        long logEvery,
        long seed) {

    public TrainingConfig {
        req(model != null, "model config is required");
        req(iterations > 0, "iterations must be positive");
        req(batchSize > 0, "batchSize must be positive");
        req(imageSize >= 32 && imageSize % 4 == 0, "imageSize must be a multiple of 4 and at least 32, got " + imageSize);
        req(resizeShortSide >= imageSize, "resizeShortSide must be at least imageSize");
        req(minScale > 0 && minScale <= maxScale, "need 0 < minScale <= maxScale");
        req(lrG > 0 && lrD > 0, "learning rates must be positive");
        req(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "betas must be in [0, 1)");
        req(weightDecay >= 0, "weightDecay must be >= 0");
        req(lambdaStructure >= 0, "lambdaStructure must be >= 0");
        req(lambdaTexture >= 0, "lambdaTexture must be >= 0");
        req(emaDecay >= 0 && emaDecay < 1, "emaDecay must be in [0, 1) (0 = off)");
        req(stepSize > 0 && gamma > 0, "stepSize and gamma must be positive");
        req(checkpointEvery > 0 && sampleEvery > 0 && logEvery > 0, "checkpointEvery, sampleEvery and logEvery must be positive");
    }

    /** The official defaults (Artworks schedule: 200k iterations, decay from 100k, step 10k). */
    public static TrainingConfig official() {
        return new TrainingConfig(GdwctConfig.OFFICIAL, 200_000, 4, 216, 216, 1, 1,
                1e-4, 1e-4, 0.5, 0.999, 1e-4, 100_000, 10_000, 0.5,
                10, 10, 1, 1, 0.001, 10, 0, 0, 0, 1000, 1000, 50, 1);
    }

    /**
     * A model that trains and serves on a 2-core CPU: conv_dim 16 (about 1/16 of the official
     * compute), G 4, 128×128 crops with random scale; learning rates and loss weights official.
     */
    public static TrainingConfig cpuSmall() {
        return new TrainingConfig(new GdwctConfig(16, 4, 128, 8, 16, 4, 3), 100_000, 1, 128, 128, 1.0, 2.0,
                1e-4, 1e-4, 0.5, 0.999, 1e-4, 50_000, 10_000, 0.5,
                10, 10, 1, 1, 0.001, 10, 0, 0, 0, 500, 500, 10, 1);
    }

    public static TrainingConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "official" -> official();
            case "cpu-small" -> cpuSmall();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (official, cpu-small)");
        };
    }

    /**
     * Learning rate at iteration {@code i} (0-based): the official StepLR is stepped once per
     * iteration only after {@code decayStart}, halving every {@code stepSize} steps.
     */
    public double lrAt(double base, long i) {
        long steps = Math.max(0, i - decayStart - 1);
        return base * Math.pow(gamma, steps / stepSize);
    }

    private static void req(boolean ok, String msg) {
        if (!ok) {
            throw new IllegalArgumentException(msg);
        }
    }
}
