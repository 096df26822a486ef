package io.gdwct.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.gdwct.model.ModelInfo;
import io.gdwct.training.report.MetricsLog;
import io.gdwct.training.report.MetricsRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tone watch of {@code train}: when it warns, and that a run with validation folders logs it. */
class ToneWatchTest {
    private static final Path IMAGES = Path.of("src/test/resources/images");

    @Test
    void healthyValidationReadingGivesNoWarningEvenWhenTheSampleGridLooksInverted() {
        assertNull(ToneWatch.warning(500, -0.9, new ToneWatch.Reading(0.78, 0.05, 20)));
    }

    @Test
    void lowMeanOrMostPairsLowIsWarnedAboutWithTheNumbers() {
        String w = ToneWatch.warning(250, 0.9, new ToneWatch.Reading(-0.786, 1.0, 20));
        assertTrue(w.contains("TONES INVERTED at iteration 250"), w);
        assertTrue(w.contains("-0.786") && w.contains("100 % of 20 pairs"), w);
        // a mean above the threshold with most pairs below it (a few pairs far up) is still the mode
        assertTrue(new ToneWatch.Reading(0.3, 0.6, 20).inverted());
        assertFalse(new ToneWatch.Reading(0.3, 0.4, 20).inverted());
        assertFalse(new ToneWatch.Reading(0.2, 0.0, 20).inverted(), "the threshold itself is not below it");
    }

    @Test
    void withoutValidationTheSampleGridToneDecidesAndSaysItIsWeakerEvidence() {
        String w = ToneWatch.warning(1000, 0.1, null);
        assertTrue(w.contains("sample-grid tone 0.100") && w.contains("--val-a"), w);
        assertNull(ToneWatch.warning(1000, 0.5, null));
        assertNull(ToneWatch.warning(1000, Double.NaN, null), "flat samples carry no tone to judge");
    }

    @Test
    void validationFoldersMustComeTogether() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingRun.Paths(IMAGES, IMAGES, Path.of("run"), null, IMAGES, null));
        assertTrue(e.getMessage().contains("--val-a and --val-b"), e.getMessage());
    }

    @Test
    void runWithValidationFoldersLogsTheToneAtEachSampleStep(@TempDir Path tmp) throws Exception {
        TrainingConfig cfg = TinyTrainingTest.tiny(4); // samples at the last iteration
        TrainingRun run = new TrainingRun(cfg, new TrainingRun.Paths(IMAGES, IMAGES, tmp, null, IMAGES, IMAGES),
                new ModelInfo.Domains("a", "b"), Device.cpu(), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(4, run.run(false, Long.MAX_VALUE));
        List<MetricsRecord> sampled = MetricsLog.read(tmp.resolve(MetricsLog.FILE_NAME)).stream()
                .filter(r -> r.values().containsKey("whitening_error")).toList();
        assertEquals(1, sampled.size());
        MetricsRecord r = sampled.get(0);
        double tone = r.values().get("val_tone");
        double low = r.values().get("val_low_tone");
        assertTrue(tone >= -1 && tone <= 1, "val_tone " + tone);
        // 3 images × 3 exemplars: the low share is a count out of 9
        assertEquals(Math.round(low * 9), low * 9, 1e-9, "val_low_tone " + low);
        assertTrue(r.values().containsKey("sample_tone"));
    }
}
