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

    /**
     * The heading line, a warning line when the tones are lost ({@link Summary#tonesLost}), a blank
     * line and the table (with the baseline's columns when there is one), each line ending in a newline.
     */
    public static String markdown(EvaluationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "model %s (%s, max side %d): %d contents x %d exemplars = %d pairs%n",
                r.modelName(), r.direction().label(), r.maxSide(), r.contents().size(), r.exemplars().size(), r.count()));
        Summary s = r.summary();
        if (s.tonesLost()) {
            sb.append(String.format(Locale.ROOT, "WARNING: this model does not keep the content's light and dark"
                    + " (mean tone %s, %s of pairs below %.1f): it inverts or erases tones%n",
                    format(s.mean().get(Metric.TONE), Metric.TONE), percent(s.lowTone()), Summary.LOW_TONE));
        }
        BaselineResult b = r.baseline();
        if (b == null) {
            sb.append(String.format("%n| metric | mean | median |%n|---|---:|---:|%n"));
        } else {
            sb.append(String.format("%n| metric | mean | median | %1$s mean | %1$s median |%n|---|---:|---:|---:|---:|%n", b.name()));
        }
        for (Metric m : Metric.values()) {
            String label = m.label();
            int defined = s.defined().get(m);
            if (defined < r.count()) {
                label += " [" + defined + " of " + r.count() + " pairs defined]";
            }
            sb.append(String.format("| %s | %s | %s |", label, format(s.mean().get(m), m), format(s.median().get(m), m)));
            if (b != null) {
                sb.append(String.format(" %s | %s |", format(b.summary().mean().get(m), m), format(b.summary().median().get(m), m)));
            }
            sb.append(String.format("%n"));
        }
        sb.append(String.format(Locale.ROOT, "| exemplar specificity (%d triples, 0.5 = chance) | %s | |", s.triples(),
                format(s.specificity(), Metric.STRUCTURE)));
        sb.append(b == null ? String.format("%n") : String.format(" %s | |%n", format(b.summary().specificity(), Metric.STRUCTURE)));
        sb.append(String.format(Locale.ROOT, "| pairs with tone below %.1f | %s | |", Summary.LOW_TONE, percent(s.lowTone())));
        sb.append(b == null ? String.format("%n") : String.format(" %s | |%n", percent(b.summary().lowTone())));
        return sb.toString();
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "n/a";
    }

    private static String format(double v, Metric m) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, m == Metric.MS ? "%.1f" : "%.3f", v);
    }
}
