package io.gdwct.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress display and the worker sizing. */
class FolderProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void plainLinesAtEveryTenthAndNoCarriageReturn() {
        FolderProgress p = new FolderProgress(out, false, clock::get);
        p.start(50);
        for (int i = 1; i <= 50; i++) {
            clock.addAndGet(100_000_000L); // 10 images a second
            p.done(i != 7);
        }
        p.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"));
        List<String> lines = text.lines().toList();
        assertEquals(10, lines.size(), text);
        assertEquals("5/50 images (10%), 0 failed, 10.0 img/s, eta 5s", lines.get(0));
        assertEquals("50/50 images (100%), 1 failed, 10.0 img/s, eta 0s", lines.get(9));
    }

    @Test
    void plainLinesAtLeastEveryThirtySecondsOnASlowRun() {
        FolderProgress p = new FolderProgress(out, false, clock::get);
        p.start(1000);
        clock.addAndGet(31_000_000_000L);
        p.done(true);
        assertEquals("1/1000 images (0%), 0 failed, 0.0 img/s, eta 8h36m", bytes.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlace() {
        FolderProgress p = new FolderProgress(out, true, clock::get);
        p.start(40);
        for (int i = 1; i <= 40; i++) {
            clock.addAndGet(50_000_000L);
            p.done(true);
        }
        p.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "one line, redrawn: " + text);
        assertTrue(text.endsWith("\r[####################] 40/40  0 failed  20.0 img/s  ETA 0s\n"), text);
        assertTrue(text.split("\r").length <= 22, "at most ten redraws a second: " + text.split("\r").length);
    }

    @Test
    void workersTimesThreadsStayWithinTheCoresUnlessTold() {
        assertEquals(2, Parallelism.threadsPerWorker(null, null, 16));
        assertEquals(1, Parallelism.threadsPerWorker(null, null, 1));
        assertEquals(4, Parallelism.threadsPerWorker(null, "4", 16), "-Dai.djl.pytorch.num_threads");
        assertEquals(2, Parallelism.threadsPerWorker(null, "lots", 16));
        assertEquals(3, Parallelism.threadsPerWorker(3, "4", 16), "the option wins");
        assertEquals(new Parallelism(8, 2, 16), Parallelism.of(null, 2, 16, false));
        assertEquals(new Parallelism(1, 2, 2), Parallelism.of(null, 2, 2, false));
        assertEquals(new Parallelism(2, 1, 2), Parallelism.of(null, 1, 2, false));
        assertEquals(new Parallelism(1, 4, 2), Parallelism.of(null, 4, 2, false));
        assertEquals(new Parallelism(2, 2, 16), Parallelism.of(null, 2, 16, true));
        assertFalse(Parallelism.of(null, 2, 16, false).oversubscribed());
        assertTrue(Parallelism.of(3, 2, 4, false).oversubscribed());
    }
}
