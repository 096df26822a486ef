package io.gdwct.cli;

import io.gdwct.model.ModelInfo;
import io.gdwct.training.TrainingCheckpoint;
import io.gdwct.training.TrainingConfig;
import io.gdwct.training.TrainingConfigs;
import io.gdwct.training.TrainingRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains a GDWCT model from two folders of images. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train GDWCT on two folders of images (domain A, domain B).",
            "Defaults are the official ones; --preset cpu-small sizes the model for a 2-core CPU.",
            "Checkpoints go to --out every --checkpoint-every iterations and on Ctrl-C/SIGTERM; --resume continues."})
public class TrainCommand implements Callable<Integer> {

    @Option(names = "--data-a", required = true, description = "Folder of domain-A images (read recursively).")
    Path dataA;

    @Option(names = "--data-b", required = true, description = "Folder of domain-B images.")
    Path dataB;

    @Option(names = "--val-a", paramLabel = "DIR", description = "Validation folder of domain-A images, never trained on:"
            + " at each sample grid up to 5 of them are translated with up to 4 --val-b exemplars and the tone"
            + " correlation is logged (val_tone); train warns when the photo's tones are lost.")
    Path valA;

    @Option(names = "--val-b", paramLabel = "DIR", description = "Validation folder of domain-B exemplars (with --val-a).")
    Path valB;

    @Option(names = "--out", required = true, description = "Run directory: checkpoint, metrics.jsonl, samples, losses.png.")
    Path out;

    @Option(names = "--config", description = "JSON or YAML file with any training settings (field names as in --dump-config).")
    Path config;

    @Option(names = "--preset", defaultValue = "official", description = "Starting settings: official or cpu-small (a model sized for a 2-core CPU). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--resume", description = "Continue from the run directory's checkpoint (start fresh if there is none).")
    boolean resume;

    @Option(names = "--export", description = "Also write the serving model directory here (default RUN_DIR/model at the end).")
    Path export;

    @Option(names = "--domain-a", defaultValue = "A", description = "Name of domain A in the exported model. Default: ${DEFAULT-VALUE}.")
    String domainA;

    @Option(names = "--domain-b", defaultValue = "B", description = "Name of domain B in the exported model. Default: ${DEFAULT-VALUE}.")
    String domainB;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--dump-config", description = "Print the effective config as JSON and exit.")
    boolean dumpConfig;

    @Option(names = "--compact-checkpoint-to", paramLabel = "FILE",
            description = "Write a copy of --out's checkpoint with bf16 optimiser moments to FILE and exit"
                    + " (small enough to keep in git; --resume from a folder holding it continues the run).")
    Path compactTo;

    @Option(names = "--iterations", description = "Total iterations (official NUM_ITERS).") Long iterations;
    @Option(names = "--batch-size", description = "Images per domain per iteration (official BATCH_SIZE).") Integer batchSize;
    @Option(names = "--image-size", description = "Side of the square training crop, a multiple of 4 (official CROP_SIZE).") Integer imageSize;
    @Option(names = "--resize-short-side", description = "The short side is resized to this before the crop (official RESIZE).") Integer resizeShortSide;
    @Option(names = "--min-scale", description = "Lower bound of a random scale of that resize (1 = off).") Double minScale;
    @Option(names = "--max-scale", description = "Upper bound of the random scale (1 = off).") Double maxScale;
    @Option(names = "--seed", description = "Seeds the weight initialisation and the data order.") Long seed;
    @Option(names = "--lr-g", description = "Generator learning rate (G_LR).") Double lrG;
    @Option(names = "--lr-d", description = "Discriminator learning rate (D_LR).") Double lrD;
    @Option(names = "--beta1", description = "Adam β1.") Double beta1;
    @Option(names = "--beta2", description = "Adam β2.") Double beta2;
    @Option(names = "--weight-decay", description = "L2 added to the gradient, as torch.optim.Adam's weight_decay (not AdamW).") Double weightDecay;
    @Option(names = "--decay-start", description = "The learning-rate schedule starts stepping after this iteration (NUM_ITERS_DECAY).") Long decayStart;
    @Option(names = "--step-size", description = "Iterations between learning-rate steps (STEP_SIZE).") Long stepSize;
    @Option(names = "--gamma", description = "Factor of each learning-rate step.") Double gamma;
    @Option(names = "--lambda-x-rec", description = "Weight of the self-reconstruction loss (LAMBDA_X_REC).") Double lambdaXRec;
    @Option(names = "--lambda-x-cyc", description = "Weight of the cross-cycle loss (LAMBDA_X_CYC).") Double lambdaXCyc;
    @Option(names = "--lambda-s", description = "Weight of the style-code reconstruction loss (LAMBDA_S).") Double lambdaS;
    @Option(names = "--lambda-c", description = "Weight of the content-code reconstruction loss (LAMBDA_C).") Double lambdaC;
    @Option(names = "--lambda-w-reg", description = "Weight of the whitening regulariser (LAMBDA_W_REG).") Double lambdaWReg;
    @Option(names = "--lambda-c-reg", description = "Weight of the coloring regulariser (LAMBDA_C_REG).") Double lambdaCReg;
    @Option(names = "--lambda-structure", description = "Weight of the structure loss (not in the official code; 0 = official).")
    Double lambdaStructure;
    @Option(names = "--lambda-texture", description = "Weight of the texture-statistics loss (not in the official code; 0 = official).")
    Double lambdaTexture;
    @Option(names = "--ema-decay", description = "Export a moving average of the generator weights with this decay, e.g. 0.999 (0 = the last weights, official).")
    Double emaDecay;
    @Option(names = "--checkpoint-every", description = "Iterations between checkpoints.") Long checkpointEvery;
    @Option(names = "--sample-every", description = "Iterations between sample grids and loss charts.") Long sampleEvery;
    @Option(names = "--log-every", description = "Iterations between metrics-log lines.") Long logEvery;
    @Option(names = "--conv-dim", description = "Channels of the generators' first convolution (G.FIRST_DIM).") Integer convDim;
    @Option(names = "--n-group", description = "Groups of each GDWCT module (N_GROUP).") Integer nGroup;
    @Option(names = "--mlp-dim", description = "Width of the style MLP (G.MLP_DIM).") Integer mlpDim;
    @Option(names = "--res-blocks", description = "Residual blocks of the content encoder and decoder (G.N_RES_BLOCKS).") Integer resBlocks;

    @Override
    public Integer call() throws Exception {
        if (compactTo != null) {
            TrainingCheckpoint.compactCopy(out, compactTo);
            System.out.printf("wrote %s (%d bytes)%n", compactTo, java.nio.file.Files.size(compactTo));
            return 0;
        }
        TrainingConfig cfg;
        if (resume && TrainingCheckpoint.exists(out)) {
            // the run's own config wins; only flags given now change it (e.g. more --iterations)
            cfg = withOverrides(TrainingCheckpoint.readState(out).config());
        } else {
            cfg = TrainingConfigs.build(preset, config, overrides());
        }
        if (dumpConfig) {
            System.out.println(new com.fasterxml.jackson.databind.ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(cfg));
            return 0;
        }
        TrainingRun run = new TrainingRun(cfg, new TrainingRun.Paths(dataA, dataB, out, export, valA, valB),
                new ModelInfo.Domains(domainA, domainB), device.select(), System.out);
        long next = run.run(resume, Long.MAX_VALUE);
        System.out.printf("stopped at iteration %d of %d; checkpoint %s%n", next, cfg.iterations(), TrainingCheckpoint.file(out));
        return 0;
    }

    private TrainingConfig withOverrides(TrainingConfig base) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("gdwct-config", ".json");
        try {
            m.writeValue(tmp.toFile(), base);
            return TrainingConfigs.build("official", tmp, overrides());
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    private Map<String, Object> overrides() {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "iterations", iterations);
        put(o, "batchSize", batchSize);
        put(o, "imageSize", imageSize);
        put(o, "resizeShortSide", resizeShortSide != null ? resizeShortSide : imageSize);
        put(o, "minScale", minScale);
        put(o, "maxScale", maxScale);
        put(o, "seed", seed);
        put(o, "lrG", lrG);
        put(o, "lrD", lrD);
        put(o, "beta1", beta1);
        put(o, "beta2", beta2);
        put(o, "weightDecay", weightDecay);
        put(o, "decayStart", decayStart);
        put(o, "stepSize", stepSize);
        put(o, "gamma", gamma);
        put(o, "lambdaXRec", lambdaXRec);
        put(o, "lambdaXCyc", lambdaXCyc);
        put(o, "lambdaS", lambdaS);
        put(o, "lambdaC", lambdaC);
        put(o, "lambdaWReg", lambdaWReg);
        put(o, "lambdaCReg", lambdaCReg);
        put(o, "lambdaStructure", lambdaStructure);
        put(o, "lambdaTexture", lambdaTexture);
        put(o, "emaDecay", emaDecay);
        put(o, "checkpointEvery", checkpointEvery);
        put(o, "sampleEvery", sampleEvery);
        put(o, "logEvery", logEvery);
        Map<String, Object> model = new LinkedHashMap<>();
        put(model, "convDim", convDim);
        put(model, "nGroup", nGroup);
        put(model, "mlpDim", mlpDim);
        put(model, "resBlocks", resBlocks);
        if (!model.isEmpty()) {
            o.put("model", model);
        }
        return o;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
