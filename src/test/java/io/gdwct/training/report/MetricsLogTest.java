package io.gdwct.training.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00.123Z"), ZoneOffset.UTC);

    @TempDir
    Path runDir;

    private static Map<String, Double> losses(long it) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("d_loss", 0.5 + it);
        m.put("gen_adv", 1.25);
        m.put("ae_rec", 0.21);
        m.put("cross_rec", 0.25);
        m.put("g_total", 12.3);
        m.put("whitening_error", 1e-7);
        return m;
    }

    private void logIterations(MetricsLog log, long from, long to) throws IOException {
        for (long it = from; it <= to; it++) {
            log.log(it, it * 2.0, 1.93, 1e-4, losses(it));
        }
    }

    @Test
    void roundTripKeepsFixedFieldsAndFlattenedValues() throws IOException {
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            logIterations(log, 1, 3);
            log.log(4, 8.0, 1.9, 1e-4, Map.of("d_loss", Double.NaN, "g_total", Double.POSITIVE_INFINITY));
        }
        List<MetricsRecord> records = MetricsLog.read(runDir.resolve("metrics.jsonl"));
        assertEquals(4, records.size());
        MetricsRecord second = records.get(1);
        assertEquals(2, second.iteration());
        assertEquals(Instant.parse("2025-05-01T10:00:00.123Z"), second.time());
        assertEquals(4.0, second.elapsedSeconds());
        assertEquals(1.93, second.itPerSec());
        assertEquals(1e-4, second.lr());
        assertEquals(losses(2), second.values());
        assertEquals(List.copyOf(losses(2).keySet()), List.copyOf(second.values().keySet()), "order kept");
        assertTrue(Double.isNaN(records.get(3).values().get("d_loss")));
        assertEquals(Double.POSITIVE_INFINITY, records.get(3).values().get("g_total"));
    }

    @Test
    void eachLineIsOneFlatJsonObjectAndIsOnDiskBeforeClose() throws IOException {
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            logIterations(log, 7, 7);
            // not closed yet: the line must already be flushed
            List<String> lines = Files.readAllLines(log.file());
            assertEquals(1, lines.size());
            JsonNode node = new ObjectMapper().readTree(lines.get(0));
            assertEquals(7, node.get("iteration").asLong());
            assertEquals("2025-05-01T10:00:00.123Z", node.get("time").asText());
            assertEquals(14.0, node.get("elapsedSeconds").asDouble());
            assertEquals(1.93, node.get("itPerSec").asDouble());
            assertEquals(1e-4, node.get("lr").asDouble());
            assertEquals(7.5, node.get("d_loss").asDouble());
            assertEquals(1e-7, node.get("whitening_error").asDouble());
        }
    }

    @Test
    void truncatedLastLineIsSkippedOnRead() throws IOException {
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            logIterations(log, 1, 2);
        }
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        Files.writeString(file, "{\"iteration\":3,\"time\":\"2025-05-01T10:0", StandardOpenOption.APPEND);
        List<MetricsRecord> records = MetricsLog.read(file);
        assertEquals(List.of(1L, 2L), records.stream().map(MetricsRecord::iteration).toList());
    }

    @Test
    void reopeningCutsTheTornLineSoTheNextRecordStandsAlone() throws IOException {
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            logIterations(log, 1, 2);
        }
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        Files.writeString(file, "{\"iteration\":3,\"d_lo", StandardOpenOption.APPEND);
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            logIterations(log, 3, 4);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), iterations(file));
        assertEquals(4, Files.readAllLines(file).size());
    }

    @Test
    void reopeningKeepsACompleteLastLineThatOnlyLostItsNewline() throws IOException {
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        Files.writeString(file, "{\"iteration\":1,\"lr\":0.1,\"d_loss\":0.5}");
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            logIterations(log, 2, 2);
        }
        assertEquals(List.of(1L, 2L), iterations(file));
    }

    @Test
    void truncateAfterDropsLaterIterationsAndAppendingContinues() throws IOException {
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            logIterations(log, 1, 10);
        }
        // a resumed run from the checkpoint at iteration 6
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            log.truncateAfter(6);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), iterations(file));
            logIterations(log, 7, 8);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), iterations(file));
        try (var dir = Files.list(runDir)) {
            assertEquals(List.of(file), dir.toList(), "no temporary file left behind");
        }
    }

    @Test
    void truncateAfterAlsoDropsATornLastLine() throws IOException {
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        try (MetricsLog log = new MetricsLog(runDir, CLOCK)) {
            logIterations(log, 1, 3);
            Files.writeString(file, "{\"iteration\":2,", StandardOpenOption.APPEND);
            log.truncateAfter(2);
        }
        assertEquals(2, Files.readAllLines(file).size());
        assertEquals(List.of(1L, 2L), iterations(file));
    }

    @Test
    void missingFileReadsEmptyAndDamageInTheMiddleIsReported() throws IOException {
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        assertEquals(List.of(), MetricsLog.read(file));
        Files.writeString(file, "{\"iteration\":1}\nnot json\n{\"iteration\":3}\n", StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> MetricsLog.read(file));
    }

    @Test
    void valueNamesMayNotShadowFixedFields() {
        assertThrows(IllegalArgumentException.class,
                () -> new MetricsRecord(1, null, 0, 0, 0, Map.of("lr", 0.1)));
    }

    private static List<Long> iterations(Path file) throws IOException {
        return MetricsLog.read(file).stream().map(MetricsRecord::iteration).toList();
    }
}
