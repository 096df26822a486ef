package io.gdwct.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdwct.model.StateDicts;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.checkpoint.SafetensorsFile;
import io.gdwct.model.checkpoint.SafetensorsReader;
import io.gdwct.model.checkpoint.SafetensorsWriter;
import io.gdwct.model.nn.GdwctBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole state of a training run in one file, {@code RUN_DIR/checkpoint.safetensors}: the four
 * networks (running statistics included), both optimisers' moments and step counts, the next
 * iteration (which also fixes the data order and the learning-rate schedule, both pure functions
 * of seed and iteration) and the config. Written to a temporary file and renamed over the old
 * one, so a crash at any moment leaves the previous complete checkpoint as the latest.
 */
public final class TrainingCheckpoint {
    public static final String FILE = "checkpoint.safetensors";
    static final String FORMAT = "gdwct-training-checkpoint";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Prefix of the generators' weight average ({@link GeneratorAverage}) in the file. */
    static final String AVERAGE = "ema.";

    /** What a checkpoint says about where the run stands. */
    public record State(long nextIteration, TrainingConfig config, double elapsedSeconds) {}

    private TrainingCheckpoint() {}

    public static Path file(Path runDir) {
        return runDir.resolve(FILE);
    }

    public static boolean exists(Path runDir) {
        return Files.isRegularFile(file(runDir));
    }

    public static void save(Path runDir, TrainingModels models, TrainingConfig cfg, long nextIteration,
            double elapsedSeconds) throws IOException {
        LinkedHashMap<String, HostTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, GdwctBlock> e : models.networks().entrySet()) {
            StateDicts.export(e.getValue()).forEach((k, t) -> tensors.put(e.getKey() + "." + k, t));
        }
        models.optG().exportState().forEach((k, t) -> tensors.put("optG." + k, t));
        models.optD().exportState().forEach((k, t) -> tensors.put("optD." + k, t));
        if (models.average() != null) {
            models.average().exportState().forEach((k, t) -> tensors.put(AVERAGE + k, t));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("formatVersion", "1");
        meta.put("nextIteration", Long.toString(nextIteration));
        meta.put("optG.steps", Long.toString(models.optG().steps()));
        meta.put("optD.steps", Long.toString(models.optD().steps()));
        meta.put("elapsedSeconds", Double.toString(elapsedSeconds));
        meta.put("config", json(cfg));
        meta.put("savedAt", Instant.now().toString());
        Files.createDirectories(runDir);
        SafetensorsWriter.write(file(runDir), tensors, meta);
    }

    /** Reads the config stored in a run's checkpoint without loading any weights into a model. */
    public static State readState(Path runDir) throws IOException {
        SafetensorsFile f = SafetensorsReader.read(file(runDir));
        return state(f);
    }

    /** Loads every network and optimiser state into {@code models} (built with the same config). */
    public static State load(Path runDir, TrainingModels models) throws IOException {
        SafetensorsFile f = SafetensorsReader.read(file(runDir));
        State s = state(f);
        for (Map.Entry<String, GdwctBlock> e : models.networks().entrySet()) {
            StateDicts.load(e.getValue(), sub(f.tensors(), e.getKey() + "."), file(runDir) + " [" + e.getKey() + "]");
        }
        Map<String, String> meta = f.metadata();
        models.optG().importState(sub(f.tensors(), "optG."), Long.parseLong(meta.get("optG.steps")));
        models.optD().importState(sub(f.tensors(), "optD."), Long.parseLong(meta.get("optD.steps")));
        if (models.average() != null) {
            Map<String, HostTensor> avg = sub(f.tensors(), AVERAGE);
            if (avg.isEmpty()) {
                models.average().reset(); // a checkpoint from before the average was on: start it here
            } else {
                models.average().importState(avg);
            }
        }
        return s;
    }

    /**
     * Copies a run's checkpoint to {@code target} with the optimiser moments in bfloat16 (the
     * weights stay float32): a third smaller, for keeping a long run's state in version control.
     * Resuming from it continues the run; only the moments lose precision below bf16's 3 digits.
     */
    public static void compactCopy(Path runDir, Path target) throws IOException {
        SafetensorsFile f = SafetensorsReader.read(file(runDir));
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        f.tensors().forEach((k, t) -> out.put(k, k.startsWith("opt")
                ? new HostTensor("bfloat16", t.shape(), t.data()) : t));
        Files.createDirectories(target.toAbsolutePath().getParent());
        SafetensorsWriter.write(target, out, f.metadata());
    }

    private static State state(SafetensorsFile f) throws IOException {
        Map<String, String> meta = f.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IOException("not a GDWCT training checkpoint (format '" + meta.get("format") + "')");
        }
        TrainingConfig cfg = JSON.readValue(meta.get("config"), TrainingConfig.class);
        return new State(Long.parseLong(meta.get("nextIteration")), cfg,
                Double.parseDouble(meta.getOrDefault("elapsedSeconds", "0")));
    }

    private static Map<String, HostTensor> sub(Map<String, HostTensor> all, String prefix) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    static String json(TrainingConfig cfg) {
        try {
            return JSON.writeValueAsString(cfg);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
