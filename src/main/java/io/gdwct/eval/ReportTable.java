package io.gdwct.eval;

import java.util.Locale;

/**
 * The console summary of an evaluation: a one-line heading and a Markdown table of the means,
 * medians and the specificity, meant to be pasted into a README as is.
 *
 * <p>Ratios, SSIM and the statistics get 3 decimals, milliseconds 1; an undefined value prints as
 * {@code n/a}. A metric that was undefined for some pairs says over how many pairs it was averaged.
 */
public final class ReportTable {

    private ReportTable() {}

    /** The heading line, a blank line and the table, each line ending in a newline. */
    public static String markdown(EvaluationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "model %s (%s, max side %d): %d contents x %d exemplars = %d pairs%n",
                r.modelName(), r.direction().label(), r.maxSide(), r.contents().size(), r.exemplars().size(), r.count()));
        sb.append(String.format("%n| metric | mean | median |%n|---|---:|---:|%n"));
        Summary s = r.summary();
        for (Metric m : Metric.values()) {
            String label = m.label();
            int defined = s.defined().get(m);
            if (defined < r.count()) {
                label += " [" + defined + " of " + r.count() + " pairs defined]";
            }
            sb.append(String.format("| %s | %s | %s |%n", label,
                    format(s.mean().get(m), m), format(s.median().get(m), m)));
        }
        sb.append(String.format(Locale.ROOT, "| exemplar specificity (%d triples, 0.5 = chance) | %s | |%n",
                s.triples(), format(s.specificity(), Metric.STRUCTURE)));
        return sb.toString();
    }

    private static String format(double v, Metric m) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, m == Metric.MS ? "%.1f" : "%.3f", v);
    }
}
