package io.gdwct.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.gdwct.model.GdwctModel;
import io.gdwct.model.ModelDirectory;
import io.gdwct.model.ModelInfo;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.checkpoint.SafetensorsReader;
import io.gdwct.training.report.MetricsLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted between checkpoints and resumed ends with exactly the weights, optimiser
 * state and metrics of an uninterrupted run with the same seed.
 */
class ResumeTest {
    private static final Path IMAGES = Path.of("src/test/resources/images");

    @Test
    void interruptedAndResumedRunMatchesUninterruptedRun(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = TinyTrainingTest.tiny(7);
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");

        assertEquals(7, run(cfg, straight, false, Long.MAX_VALUE));
        // interrupted after 3 iterations: between the checkpoints at 0 and 10 (checkpointEvery is 10)
        assertEquals(3, run(cfg, resumed, false, 3));
        assertEquals(3, TrainingCheckpoint.readState(resumed).nextIteration());
        assertEquals(7, run(cfg, resumed, true, Long.MAX_VALUE));

        Map<String, HostTensor> a = SafetensorsReader.read(TrainingCheckpoint.file(straight)).tensors();
        Map<String, HostTensor> b = SafetensorsReader.read(TrainingCheckpoint.file(resumed)).tensors();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).data(), b.get(k).data(), 0f, k + " differs after resume");
        }
        assertTrue(a.keySet().stream().anyMatch(k -> k.startsWith("optG.m.")), "optimiser moments are checkpointed");
        assertEquals(MetricsLog.read(straight.resolve(MetricsLog.FILE_NAME)).size(),
                MetricsLog.read(resumed.resolve(MetricsLog.FILE_NAME)).size(), "metrics log has no duplicates after resume");
        // the finished run exported a serving model that loads
        try (GdwctModel m = GdwctModel.load(straight.resolve("model"), Device.cpu())) {
            assertEquals(7L, ((Number) m.info().provenance().get("iterations")).longValue());
        }
        assertTrue(Files.list(straight).noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temp files left");
    }

    @Test
    void refusesToOverwriteAnExistingRunWithoutResume(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = TinyTrainingTest.tiny(1);
        run(cfg, tmp, false, Long.MAX_VALUE);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> run(cfg, tmp, false, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
        assertTrue(ModelDirectory.isModelDirectory(tmp.resolve("model")));
    }

    private static long run(TrainingConfig cfg, Path dir, boolean resume, long stopAfter) throws Exception {
        TrainingRun r = new TrainingRun(cfg, new TrainingRun.Paths(IMAGES, IMAGES, dir, null),
                new ModelInfo.Domains("a", "b"), Device.cpu(), new PrintStream(new ByteArrayOutputStream()));
        return r.run(resume, stopAfter);
    }
}
