package io.gdwct.folder;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a folder run is. On an interactive terminal, one line redrawn in place (at most ten
 * times a second): {@code [########............] 80/200  1 failed  12.5 img/s  ETA 10s}. Elsewhere
 * (a log file, {@code kubectl logs}) a plain line at every tenth of the run and at least every
 * 30 s: {@code 80/200 images (40%), 1 failed, 12.5 img/s, eta 10s}.
 */
public final class FolderProgress {
    private static final int BAR = 20;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long PLAIN_EVERY_NANOS = 30_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private int total;
    private int processed;
    private int failed;
    private long startNanos;
    private long lastNanos;
    private int lastStep;
    private int lastWidth;

    public FolderProgress(PrintStream out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    FolderProgress(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** A progress that shows nothing. */
    public static FolderProgress silent() {
        return new FolderProgress(new PrintStream(PrintStream.nullOutputStream()), false);
    }

    synchronized void start(int images) {
        total = images;
        processed = 0;
        failed = 0;
        startNanos = nanoTime.getAsLong();
        lastNanos = startNanos;
        lastStep = 0;
    }

    /** One image is done, translated or failed. */
    synchronized void done(boolean ok) {
        processed++;
        failed += ok ? 0 : 1;
        long now = nanoTime.getAsLong();
        if (terminal) {
            if (now - lastNanos >= REDRAW_NANOS || processed == total) {
                String line = bar();
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                out.flush();
                lastWidth = line.length();
                lastNanos = now;
            }
            return;
        }
        int step = (int) (10L * processed / Math.max(1, total));
        if (step > lastStep || now - lastNanos >= PLAIN_EVERY_NANOS) {
            out.println(plain());
            lastStep = step;
            lastNanos = now;
        }
    }

    /** Ends the in-place line, so what follows starts on a line of its own. */
    synchronized void finish() {
        if (terminal && lastWidth > 0) {
            out.println();
            lastWidth = 0;
        }
    }

    String bar() {
        int filled = (int) ((long) BAR * processed / Math.max(1, total));
        return String.format(Locale.ROOT, "[%s%s] %d/%d  %d failed  %s img/s  ETA %s", "#".repeat(filled),
                ".".repeat(BAR - filled), processed, total, failed, rate(), eta());
    }

    String plain() {
        return String.format(Locale.ROOT, "%d/%d images (%d%%), %d failed, %s img/s, eta %s", processed, total,
                100L * processed / Math.max(1, total), failed, rate(), eta());
    }

    private double perSecond() {
        double seconds = (nanoTime.getAsLong() - startNanos) / 1e9;
        return seconds > 0 ? processed / seconds : Double.NaN;
    }

    private String rate() {
        double r = perSecond();
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.1f", r) : "--";
    }

    private String eta() {
        double r = perSecond();
        if (!Double.isFinite(r) || r <= 0) {
            return "--";
        }
        Duration left = Duration.ofSeconds(Math.round((total - processed) / r));
        return left.toHours() > 0 ? left.toHours() + "h" + String.format(Locale.ROOT, "%02dm", left.toMinutesPart())
                : left.toMinutes() > 0 ? left.toMinutes() + "m" + String.format(Locale.ROOT, "%02ds", left.toSecondsPart())
                : left.toSeconds() + "s";
    }
}
