package io.gdwct.eval;

import io.gdwct.eval.metrics.Gaussian;
import io.gdwct.eval.metrics.StyleMetrics;
import io.gdwct.image.LuminanceCorrelation;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate of an evaluation: mean and median of every {@link Metric} over the pairs, and the
 * exemplar specificity over all (content, e1, e2) triples.
 *
 * <p>Undefined values (NaN: a style ratio whose content already had the exemplar's Gaussian) are
 * left out of the mean and median rather than poisoning them; {@link #defined} says how many pairs
 * each statistic covers. A metric with no defined value has mean and median NaN. The median of an
 * even count is the mean of the two middle values. Both are reported because one odd pair (an
 * exemplar almost identical to the content sends its ratio's denominator to ~0) moves the mean a lot
 * and the median hardly.
 *
 * @param mean per metric
 * @param median per metric
 * @param defined per metric: how many pairs had a finite value
 * @param specificity fraction of triples whose output is strictly closer (W2 Lab) to its own
 *     exemplar e1 than to e2; NaN with fewer than 2 exemplars (no triple exists)
 * @param triples how many triples: contents × exemplars × (exemplars − 1)
 * @param lowTone fraction of the pairs with a defined tone whose tone is below {@link #LOW_TONE}
 *     (NaN when none is defined): the pairs a person would call inverted or washed out
 */
public record Summary(Map<Metric, Double> mean, Map<Metric, Double> median, Map<Metric, Integer> defined,
        double specificity, long triples, double lowTone) {

    /**
     * A pair whose tone is below this has lost the content's light and dark: at 0.2 an output's
     * luminance explains 4 % of the content's, and an inverted output is far below.
     */
    public static final double LOW_TONE = LuminanceCorrelation.LOW;

    public Summary {
        mean = Collections.unmodifiableMap(new EnumMap<>(mean));
        median = Collections.unmodifiableMap(new EnumMap<>(median));
        defined = Collections.unmodifiableMap(new EnumMap<>(defined));
    }

    /**
     * Aggregates pair results.
     *
     * @param pairs the per-pair results (any order)
     * @param exemplarLab Lab Gaussian of each exemplar (as fed to the model)
     * @param outputLab {@code outputLab[c][e]}: Lab Gaussian of the output of content c with exemplar e
     */
    public static Summary of(List<PairResult> pairs, Gaussian[] exemplarLab, Gaussian[][] outputLab) {
        Map<Metric, Double> mean = new EnumMap<>(Metric.class);
        Map<Metric, Double> median = new EnumMap<>(Metric.class);
        Map<Metric, Integer> defined = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            double[] values = pairs.stream().mapToDouble(m::of).filter(Double::isFinite).toArray();
            mean.put(m, mean(values));
            median.put(m, median(values));
            defined.put(m, values.length);
        }
        long triples = (long) outputLab.length * exemplarLab.length * Math.max(0, exemplarLab.length - 1);
        double specificity = triples == 0 ? Double.NaN : StyleMetrics.specificity(exemplarLab, outputLab);
        double[] tones = pairs.stream().mapToDouble(PairResult::tone).filter(Double::isFinite).toArray();
        double lowTone = tones.length == 0 ? Double.NaN
                : (double) Arrays.stream(tones).filter(t -> t < LOW_TONE).count() / tones.length;
        return new Summary(mean, median, defined, specificity, triples, lowTone);
    }

    /**
     * Whether this evaluation should be flagged: the mean tone is below {@link #LOW_TONE}, or most
     * pairs are. Such a model renders light areas dark (or erases them) whatever its style scores.
     */
    public boolean tonesLost() {
        double t = mean.getOrDefault(Metric.TONE, Double.NaN);
        return (Double.isFinite(t) && t < LOW_TONE) || (Double.isFinite(lowTone) && lowTone > 0.5);
    }

    /** Arithmetic mean; NaN for no values. */
    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Middle value, or the mean of the two middle values for an even count; NaN for no values. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
