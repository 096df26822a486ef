package io.gdwct.training.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static Map<String, Double> losses() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("d_loss", 0.51);
        m.put("g_total", 12.3);
        m.put("ae_rec", 0.21);
        m.put("cross_rec", 0.25);
        return m;
    }

    private ProgressReporter plain(long total, long start) {
        return new ProgressReporter(total, start, out, false, 50, Duration.ofSeconds(30), nanos::get);
    }

    /** Runs iterations from..to, the fake clock advancing stepMillis before each. */
    private void run(ProgressReporter p, long from, long to, long stepMillis) {
        for (long it = from; it <= to; it++) {
            nanos.addAndGet(stepMillis * 1_000_000L);
            p.update(it, losses());
        }
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void plainModePrintsEveryFiftyIterationsInTheDocumentedFormat() {
        ProgressReporter p = plain(1000, 0);
        run(p, 1, 120, 500);
        List<String> lines = lines();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("iter 50/1000 (5.0%) 2.00 it/s eta 7m55s d_loss=0.5100 g_total=12.3000 ae_rec=0.2100"
                + " cross_rec=0.2500", lines.get(0));
        assertTrue(lines.get(1).startsWith("iter 100/1000 (10.0%) 2.00 it/s eta 7m30s d_loss=0.5100"),
                lines.get(1));
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void plainModeAlsoPrintsWhenTheIntervalHasPassed() {
        ProgressReporter p = plain(1000, 0);
        run(p, 1, 7, 10_000); // 10 s per iteration: 30 s pass every 3 iterations
        assertEquals(List.of("iter 3/", "iter 6/"), lines().stream().map(l -> l.substring(0, 7)).toList());
    }

    @Test
    void plainModePrintsTheLastIteration() {
        ProgressReporter p = plain(120, 0);
        run(p, 1, 120, 100);
        assertEquals(3, lines().size());
        assertTrue(lines().get(2).startsWith("iter 120/120 (100.0%) "), lines().get(2));
        assertTrue(lines().get(2).contains(" eta 0s "), lines().get(2));
    }

    @Test
    void rateIsRecentNotSinceStartSoResumesAndSlowdownsShow() {
        ProgressReporter p = plain(2000, 1000);
        run(p, 1001, 1049, 1000); // 1 it/s ...
        run(p, 1050, 1100, 250); // ... then 4 it/s; the window only sees the fast part
        String at1100 = lines().stream().filter(l -> l.startsWith("iter 1100/")).findFirst().orElseThrow();
        assertTrue(at1100.startsWith("iter 1100/2000 (55.0%) 4.00 it/s eta 3m45s "), at1100);
    }

    @Test
    void unknownRateShowsDashes() {
        ProgressReporter p = new ProgressReporter(10, 0, out, false, 1, Duration.ofSeconds(30), nanos::get);
        p.update(1, Map.of()); // the clock did not move: no rate yet
        assertEquals(List.of("iter 1/10 (10.0%) -- it/s eta --"), lines());
    }

    @Test
    void terminalModeRedrawsOneLineWithABar() {
        ProgressReporter p = new ProgressReporter(100, 0, out, true, 50, Duration.ofSeconds(30), nanos::get);
        run(p, 1, 50, 500);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r["), text);
        assertFalse(text.contains("\n"), "no newline until finish");
        String last = text.substring(text.lastIndexOf('\r') + 1);
        assertEquals("[##########..........] 50/100  2.00 it/s  ETA 25s  D 0.51 G 12.3 rec 0.21 cyc 0.25", last);
        p.finish();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\n"));
    }

    @Test
    void terminalLineNeverExceeds120Characters() {
        ProgressReporter p = new ProgressReporter(100_000, 0, out, true, 50, Duration.ofSeconds(30), nanos::get);
        Map<String, Double> many = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            many.put("some_long_loss_name_" + i, 1234.5678);
        }
        for (long it = 1; it <= 5; it++) {
            nanos.addAndGet(500_000_000L);
            p.update(it, many);
        }
        for (String drawn : bytes.toString(StandardCharsets.UTF_8).split("\r")) {
            assertTrue(drawn.length() <= ProgressReporter.MAX_WIDTH, drawn.length() + ": " + drawn);
        }
    }

    @Test
    void etaFormatting() {
        assertEquals("0s", ProgressReporter.formatEta(0));
        assertEquals("59s", ProgressReporter.formatEta(59));
        assertEquals("1m01s", ProgressReporter.formatEta(61));
        assertEquals("59m59s", ProgressReporter.formatEta(3599));
        assertEquals("1h01m", ProgressReporter.formatEta(3700));
        assertEquals("14h22m", ProgressReporter.formatEta(14 * 3600 + 22 * 60 + 30));
        assertEquals("2d00h", ProgressReporter.formatEta(2 * 86400));
        assertEquals("--", ProgressReporter.formatEta(Double.NaN));
        assertEquals("--", ProgressReporter.formatEta(Double.POSITIVE_INFINITY));
    }

    @Test
    void rateMeterAveragesOnlyItsWindow() {
        RateMeter meter = new RateMeter(5, nanos::get);
        assertTrue(Double.isNaN(meter.perSecond()));
        for (long it = 0; it < 10; it++) {
            nanos.addAndGet(1_000_000_000L);
            meter.mark(it);
        }
        assertEquals(1.0, meter.perSecond(), 1e-9);
        for (long it = 10; it < 15; it++) {
            nanos.addAndGet(100_000_000L);
            meter.mark(it);
        }
        assertEquals(10.0, meter.perSecond(), 1e-9);
    }
}
