package io.gdwct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.eval.metrics.Gaussian;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregation from handcrafted pair results: means, medians, undefined values, specificity. */
class SummaryTest {

    private static PairResult pair(String c, String e, double style, double structure, double ms) {
        return new PairResult(c, e, style, 0.5, structure, 0.7, 0.1, 0.2, ms);
    }

    private static PairResult toned(double tone) {
        return new PairResult("c", "e", 0.5, 0.5, 0.5, tone, 0.1, 0.2, 1);
    }

    /** A 1-D Gaussian with unit variance at {@code mean}: W2 between two of them is |Δmean|. */
    private static Gaussian at(double mean) {
        return new Gaussian(new double[] {mean}, new double[][] {{1}});
    }

    private static final Gaussian[] ONE_EXEMPLAR = {at(0)};

    @Test
    void meanAndMedianSkipUndefinedValues() {
        List<PairResult> pairs = List.of(pair("c0", "e0", 0.2, 0.9, 10), pair("c1", "e0", Double.NaN, 0.7, 30),
                pair("c2", "e0", 0.5, 0.8, 20));
        Summary s = Summary.of(pairs, ONE_EXEMPLAR, new Gaussian[][] {{at(0)}, {at(0)}, {at(0)}});
        assertEquals(0.35, s.mean().get(Metric.STYLE_RATIO), 1e-12);
        assertEquals(0.35, s.median().get(Metric.STYLE_RATIO), 1e-12); // even count: mean of the middle two
        assertEquals(2, s.defined().get(Metric.STYLE_RATIO));
        assertEquals(0.8, s.mean().get(Metric.STRUCTURE), 1e-12);
        assertEquals(0.8, s.median().get(Metric.STRUCTURE), 1e-12);
        assertEquals(3, s.defined().get(Metric.STRUCTURE));
        assertEquals(20, s.mean().get(Metric.MS), 1e-12);
        assertEquals(0.5, s.median().get(Metric.TEXTURE_RATIO), 1e-12);
        assertEquals(0.1, s.mean().get(Metric.WHITENING_ERROR), 1e-12);
        assertEquals(0.2, s.mean().get(Metric.COLORING_ORTHOGONALITY), 1e-12);
    }

    @Test
    void medianResistsAnOutlierTheMeanDoesNot() {
        List<PairResult> pairs = List.of(pair("c0", "e0", 0.4, 1, 1), pair("c1", "e0", 0.5, 1, 1),
                pair("c2", "e0", 0.6, 1, 1), pair("c3", "e0", 9.0, 1, 1));
        Summary s = Summary.of(pairs, ONE_EXEMPLAR, new Gaussian[][] {{at(0)}, {at(0)}, {at(0)}, {at(0)}});
        assertEquals(2.625, s.mean().get(Metric.STYLE_RATIO), 1e-12);
        assertEquals(0.55, s.median().get(Metric.STYLE_RATIO), 1e-12);
    }

    @Test
    void lowToneIsTheShareOfDefinedTonesBelowTheFloor() {
        Summary s = Summary.of(List.of(toned(0.9), toned(0.19), toned(-0.5), toned(Double.NaN), toned(0.2)),
                ONE_EXEMPLAR, new Gaussian[][] {{at(0)}});
        assertEquals(0.5, s.lowTone(), 1e-12); // 0.19 and -0.5 of four defined; 0.2 itself is not below
        assertEquals(4, s.defined().get(Metric.TONE));
        assertEquals(0.1975, s.mean().get(Metric.TONE), 1e-12);
        assertTrue(s.tonesLost()); // mean 0.1975 < 0.2
        Summary fine = Summary.of(List.of(toned(0.9), toned(0.1), toned(0.8)), ONE_EXEMPLAR, new Gaussian[][] {{at(0)}});
        assertFalse(fine.tonesLost());
        Summary mostlyLow = Summary.of(List.of(toned(1), toned(0.1), toned(0.1)), ONE_EXEMPLAR, new Gaussian[][] {{at(0)}});
        assertTrue(mostlyLow.tonesLost()); // mean 0.4, but two of three pairs below the floor
        assertTrue(Double.isNaN(Summary.of(List.of(toned(Double.NaN)), ONE_EXEMPLAR, new Gaussian[][] {{at(0)}}).lowTone()));
    }

    @Test
    void metricWithNoDefinedValueIsNaN() {
        Summary s = Summary.of(List.of(pair("c0", "e0", Double.NaN, 1, 1)), ONE_EXEMPLAR, new Gaussian[][] {{at(0)}});
        assertTrue(Double.isNaN(s.mean().get(Metric.STYLE_RATIO)));
        assertTrue(Double.isNaN(s.median().get(Metric.STYLE_RATIO)));
        assertEquals(0, s.defined().get(Metric.STYLE_RATIO));
    }

    @Test
    void specificityCountsTriplesWhereTheOutputIsStrictlyNearestItsOwnExemplar() {
        Gaussian[] exemplars = {at(0), at(10), at(20)};
        Gaussian[][] outputs = {
            {at(1), at(12), at(14)}, // 2 of 2, 2 of 2, 1 of 2 (14 is nearer e1 than e2)
            {at(5), at(5), at(5)},   // ties with e0/e1 do not count: 1, 1, 0 of 2
        };
        List<PairResult> pairs = List.of(pair("c0", "e0", 1, 1, 1), pair("c0", "e1", 1, 1, 1), pair("c0", "e2", 1, 1, 1),
                pair("c1", "e0", 1, 1, 1), pair("c1", "e1", 1, 1, 1), pair("c1", "e2", 1, 1, 1));
        Summary s = Summary.of(pairs, exemplars, outputs);
        assertEquals(12, s.triples());
        assertEquals(7.0 / 12, s.specificity(), 1e-12);
    }

    @Test
    void specificityNeedsTwoExemplars() {
        Summary s = Summary.of(List.of(pair("c0", "e0", 1, 1, 1)), ONE_EXEMPLAR, new Gaussian[][] {{at(0)}});
        assertEquals(0, s.triples());
        assertTrue(Double.isNaN(s.specificity()));
    }
}
