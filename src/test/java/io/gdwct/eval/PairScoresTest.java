package io.gdwct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known answers of the per-pair scores as the evaluation wires them (content as prepared, output, exemplar). */
class PairScoresTest {

    private final ImageStats content = ImageStats.of(EvalImages.pattern(64, 48, 0));
    private final ImageStats exemplar = ImageStats.of(EvalImages.pattern(64, 48, 2));

    @Test
    void outputEqualToContentScoresRatioOneAndStructureOne() {
        PairScores s = PairScores.of(content, content, exemplar);
        assertEquals(1.0, s.styleRatio(), 1e-12);
        assertEquals(1.0, s.textureRatio(), 1e-12);
        assertEquals(1.0, s.structure(), 1e-12);
    }

    @Test
    void outputEqualToExemplarScoresRatioZero() {
        PairScores s = PairScores.of(content, exemplar, exemplar);
        assertEquals(0.0, s.styleRatio(), 1e-12);
        assertEquals(0.0, s.textureRatio(), 1e-12);
        assertTrue(s.structure() < 0.9, "a different image should not look like the content: " + s.structure());
    }

    @Test
    void contentWithTheExemplarsStatisticsLeavesTheRatioUndefined() {
        PairScores s = PairScores.of(content, exemplar, content);
        assertTrue(Double.isNaN(s.styleRatio()));
        assertTrue(Double.isNaN(s.textureRatio()));
    }

    @Test
    void outputOfAnotherSizeIsRefused() {
        ImageStats smaller = ImageStats.of(EvalImages.pattern(60, 48, 0));
        assertThrows(IllegalArgumentException.class, () -> PairScores.of(content, smaller, exemplar));
    }
}
