package io.gdwct.training.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows training progress on a {@link PrintStream}.
 *
 * <p>On an interactive terminal it redraws one line in place with {@code \r}:
 * {@code [#########...........] 1234/100000  1.9 it/s  ETA 14h22m  D 0.51 G 12.3 rec 0.21 cyc 0.25}.
 * Elsewhere (a log file, {@code kubectl logs}) carriage returns would turn into one huge line, so
 * it prints a plain line whenever the iteration crosses a multiple of N or T has passed since the
 * last line: {@code iter 1234/100000 (1.2%) 1.93 it/s eta 14h22m d_loss=0.5100 g_total=12.3000}.
 * The rate is averaged over the last {@value #RATE_WINDOW} updates so that it is right after a
 * resume.
 */
public final class ProgressReporter {

    /** Updates the it/s figure averages over. */
    public static final int RATE_WINDOW = 20;
    /** Widest terminal line drawn, so that it fits an ordinary terminal without wrapping. */
    public static final int MAX_WIDTH = 120;

    private static final int BAR_WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L;
    /** Short labels for the terminal line, in display order. */
    private static final Map<String, String> SHORT_LABELS = new LinkedHashMap<>();

    static {
        SHORT_LABELS.put("d_loss", "D");
        SHORT_LABELS.put("g_total", "G");
        SHORT_LABELS.put("ae_rec", "rec");
        SHORT_LABELS.put("cross_rec", "cyc");
    }

    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final int everyIterations;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    private final RateMeter rate;
    private long lastPrintedIteration;
    private long lastPrintNanos;
    private int lastWidth;
    private boolean drawn;

    /** Detects the terminal; plain lines every 50 iterations or 30 s. */
    public ProgressReporter(long totalIterations, long startIteration, PrintStream out) {
        this(totalIterations, startIteration, out, isInteractiveTerminal());
    }

    /** As above with terminal mode forced on or off. */
    public ProgressReporter(long totalIterations, long startIteration, PrintStream out, boolean terminal) {
        this(totalIterations, startIteration, out, terminal, 50, Duration.ofSeconds(30), System::nanoTime);
    }

    /**
     * @param everyIterations plain mode: print when the iteration crosses a multiple of this
     * @param everyTime       plain mode: print when this long has passed since the last line
     * @param nanoTime        monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public ProgressReporter(long totalIterations, long startIteration, PrintStream out, boolean terminal,
            int everyIterations, Duration everyTime, LongSupplier nanoTime) {
        if (totalIterations <= 0 || everyIterations <= 0) {
            throw new IllegalArgumentException("totalIterations and everyIterations must be positive");
        }
        this.total = totalIterations;
        this.out = out;
        this.terminal = terminal;
        this.everyIterations = everyIterations;
        this.everyNanos = everyTime.toNanos();
        this.nanoTime = nanoTime;
        this.rate = new RateMeter(RATE_WINDOW, nanoTime);
        this.lastPrintedIteration = startIteration;
        this.lastPrintNanos = nanoTime.getAsLong();
        rate.mark(startIteration);
    }

    /** True when stdout is a console whose TERM can handle {@code \r}. */
    public static boolean isInteractiveTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** Reports that {@code iteration} is done with these loss values (printed in map order). */
    public synchronized void update(long iteration, Map<String, Double> losses) {
        rate.mark(iteration);
        long now = nanoTime.getAsLong();
        boolean last = iteration >= total;
        if (terminal) {
            if (!drawn || last || now - lastPrintNanos >= REDRAW_NANOS) {
                String line = terminalLine(iteration, losses);
                // pad over the tail of a longer previous line
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                out.flush();
                lastWidth = line.length();
                lastPrintNanos = now;
                drawn = true;
            }
        } else if (last || iteration / everyIterations > lastPrintedIteration / everyIterations
                || now - lastPrintNanos >= everyNanos) {
            out.println(plainLine(iteration, losses));
            lastPrintedIteration = iteration;
            lastPrintNanos = now;
        }
    }

    /** Ends the in-place line so that later output starts on a fresh line. */
    public synchronized void finish() {
        if (terminal && drawn) {
            out.println();
            drawn = false;
            lastWidth = 0;
        }
    }

    /** The recent iterations per second, NaN until known; also what the metrics log records. */
    public double itPerSec() {
        return rate.perSecond();
    }

    String terminalLine(long iteration, Map<String, Double> losses) {
        int filled = (int) Math.min(BAR_WIDTH, Math.max(0, iteration * BAR_WIDTH / total));
        StringBuilder sb = new StringBuilder(MAX_WIDTH);
        sb.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                .append(iteration).append('/').append(total)
                .append("  ").append(formatRate(itPerSec())).append(" it/s")
                .append("  ETA ").append(formatEta(etaSeconds(iteration)));
        boolean anyKnown = losses.keySet().stream().anyMatch(SHORT_LABELS::containsKey);
        if (anyKnown) {
            String sep = "  ";
            for (Map.Entry<String, String> e : SHORT_LABELS.entrySet()) {
                Double v = losses.get(e.getKey());
                if (v != null) {
                    sb.append(sep).append(e.getValue()).append(' ').append(compact(v));
                    sep = " ";
                }
            }
        } else {
            losses.forEach((name, v) -> sb.append("  ").append(name).append(' ').append(compact(v)));
        }
        return sb.length() <= MAX_WIDTH ? sb.toString() : sb.substring(0, MAX_WIDTH);
    }

    String plainLine(long iteration, Map<String, Double> losses) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "iter %d/%d (%.1f%%) %s it/s eta %s",
                iteration, total, 100.0 * iteration / total, formatRate(itPerSec()),
                formatEta(etaSeconds(iteration))));
        losses.forEach((name, v) -> sb.append(String.format(Locale.ROOT, " %s=%.4f", name, v)));
        return sb.toString();
    }

    private double etaSeconds(long iteration) {
        return Math.max(0, total - iteration) / itPerSec();
    }

    /**
     * A remaining time in at most two units: {@code 59s}, {@code 4m05s}, {@code 1h01m},
     * {@code 2d00h}; {@code --} when unknown (NaN, infinite or negative).
     */
    public static String formatEta(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            return "--";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", s / 86400, s % 86400 / 3600);
    }

    /** Two decimals, more for the slow rates of CPU training (0.004 it/s), {@code --} unknown. */
    static String formatRate(double perSecond) {
        if (Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            return "--";
        }
        return String.format(Locale.ROOT, perSecond >= 0.1 ? "%.2f" : "%.2g", perSecond);
    }

    /** About three significant figures, for the narrow terminal line. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (a != 0 && a < 0.01) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return String.format(Locale.ROOT, a < 10 ? "%.2f" : a < 100 ? "%.1f" : "%.0f", v);
    }
}
