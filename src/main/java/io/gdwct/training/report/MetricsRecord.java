package io.gdwct.training.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One logged training iteration: the fixed bookkeeping fields plus named values (losses such as
 * {@code d_loss}, {@code g_total}, and diagnostics such as {@code whitening_error}).
 *
 * <p>In {@code metrics.jsonl} the named values are top-level fields next to the fixed ones, so a
 * value may not be named like a fixed field ({@link #RESERVED}).
 *
 * @param iteration      the iteration just completed (1-based, as counted by the trainer)
 * @param time           wall-clock time of the record, or {@code null} when a line lacked it
 * @param elapsedSeconds training seconds since the run (not this process) started
 * @param itPerSec       recent iterations per second
 * @param lr             learning rate in effect
 * @param values         named values in insertion order; copied, unmodifiable
 */
public record MetricsRecord(long iteration, Instant time, double elapsedSeconds, double itPerSec, double lr,
        Map<String, Double> values) {

    /** Field names taken by the fixed fields. */
    public static final Set<String> RESERVED = Set.of("iteration", "time", "elapsedSeconds", "itPerSec", "lr");

    public MetricsRecord {
        Objects.requireNonNull(values, "values");
        LinkedHashMap<String, Double> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "value name");
            Objects.requireNonNull(value, () -> "value of " + name);
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a fixed field, not a value name");
            }
            copy.put(name, value);
        });
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * The named value, or one of the numeric fixed fields ({@code lr}, {@code itPerSec},
     * {@code elapsedSeconds}, {@code iteration}) so that a chart can plot them like a loss.
     */
    public OptionalDouble value(String name) {
        Double v = values.get(name);
        if (v != null) {
            return OptionalDouble.of(v);
        }
        return switch (name) {
            case "lr" -> OptionalDouble.of(lr);
            case "itPerSec" -> OptionalDouble.of(itPerSec);
            case "elapsedSeconds" -> OptionalDouble.of(elapsedSeconds);
            case "iteration" -> OptionalDouble.of(iteration);
            default -> OptionalDouble.empty();
        };
    }
}
