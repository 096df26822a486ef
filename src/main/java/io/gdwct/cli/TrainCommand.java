package io.gdwct.cli;

import io.gdwct.inference.DeviceSelector;
import io.gdwct.training.TrainingCheckpoint;
import io.gdwct.training.TrainingConfig;
import io.gdwct.training.TrainingConfigs;
import io.gdwct.training.TrainingRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--out", required = true, description = "Run directory: checkpoint, metrics.jsonl, samples, losses.png.")
    Path out;

    @Option(names = "--config", description = "JSON or YAML file with any training settings (field names as in --dump-config).")
    Path config;

    @Option(names = "--preset", defaultValue = "official", description = "official or cpu-small. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--resume", description = "Continue from the run directory's checkpoint (start fresh if there is none).")
    boolean resume;

    @Option(names = "--export", description = "Also write the serving model directory here (default RUN_DIR/model at the end).")
    Path export;

    @Option(names = "--domain-a", defaultValue = "A", description = "Name of domain A in the exported model.")
    String domainA;

    @Option(names = "--domain-b", defaultValue = "B", description = "Name of domain B in the exported model.")
    String domainB;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu.")
    String device;

    @Option(names = "--dump-config", description = "Print the effective config as JSON and exit.")
    boolean dumpConfig;

    @Option(names = "--compact-checkpoint-to", paramLabel = "FILE",
            description = "Write a copy of --out's checkpoint with bf16 optimiser moments to FILE and exit"
                    + " (small enough to keep in git; --resume from a folder holding it continues the run).")
    Path compactTo;

    @Option(names = "--iterations") Long iterations;
    @Option(names = "--batch-size") Integer batchSize;
    @Option(names = "--image-size") Integer imageSize;
    @Option(names = "--resize-short-side") Integer resizeShortSide;
    @Option(names = "--min-scale") Double minScale;
    @Option(names = "--max-scale") Double maxScale;
    @Option(names = "--seed") Long seed;
    @Option(names = "--lr-g") Double lrG;
    @Option(names = "--lr-d") Double lrD;
    @Option(names = "--beta1") Double beta1;
    @Option(names = "--beta2") Double beta2;
    @Option(names = "--weight-decay") Double weightDecay;
    @Option(names = "--decay-start") Long decayStart;
    @Option(names = "--step-size") Long stepSize;
    @Option(names = "--gamma") Double gamma;
    @Option(names = "--lambda-x-rec") Double lambdaXRec;
    @Option(names = "--lambda-x-cyc") Double lambdaXCyc;
    @Option(names = "--lambda-s") Double lambdaS;
    @Option(names = "--lambda-c") Double lambdaC;
    @Option(names = "--lambda-w-reg") Double lambdaWReg;
    @Option(names = "--lambda-c-reg") Double lambdaCReg;
    @Option(names = "--lambda-structure", description = "Weight of the structure loss (not in the official code; 0 = official).")
    Double lambdaStructure;
    @Option(names = "--lambda-texture", description = "Weight of the texture-statistics loss (not in the official code; 0 = official).")
    Double lambdaTexture;
    @Option(names = "--ema-decay", description = "Export a moving average of the generator weights with this decay, e.g. 0.999 (0 = the last weights, official).")
    Double emaDecay;
    @Option(names = "--checkpoint-every") Long checkpointEvery;
    @Option(names = "--sample-every") Long sampleEvery;
    @Option(names = "--log-every") Long logEvery;
    @Option(names = "--conv-dim") Integer convDim;
    @Option(names = "--n-group") Integer nGroup;
    @Option(names = "--mlp-dim") Integer mlpDim;
    @Option(names = "--res-blocks") Integer resBlocks;

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
        TrainingRun run = new TrainingRun(cfg, new TrainingRun.Paths(dataA, dataB, out, export),
                new TrainingRun.Domains(domainA, domainB), DeviceSelector.select(device), System.out);
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
