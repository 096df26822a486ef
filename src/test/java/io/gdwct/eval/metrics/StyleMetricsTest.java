package io.gdwct.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.image.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class StyleMetricsTest {

    private final RgbImage content = TestImages.scene(48, 48);
    private final RgbImage exemplar = TestImages.noise(48, 48, 7, 200, 80, 60, 25);
    private final RgbImage[] exemplars = {
        exemplar,
        TestImages.noise(48, 48, 8, 40, 90, 200, 15),
        TestImages.noise(48, 48, 9, 90, 200, 70, 40),
    };

    @Test
    void styleRatioIsZeroForOutputEqualToExemplarAndOneForOutputEqualToContent() {
        assertEquals(0, StyleMetrics.styleRatio(content, exemplar, exemplar), 1e-9);
        assertEquals(1, StyleMetrics.styleRatio(content, content, exemplar), 1e-12);
    }

    @Test
    void styleRatioBelowOneWhenOutputMovesTowardExemplar() {
        // Blend content halfway toward the exemplar's colours.
        RgbImage half = TestImages.of(48, 48, (x, y) -> new int[] {
            (content.get(x, y, 0) + exemplar.get(x, y, 0)) / 2,
            (content.get(x, y, 1) + exemplar.get(x, y, 1)) / 2,
            (content.get(x, y, 2) + exemplar.get(x, y, 2)) / 2});
        double r = StyleMetrics.styleRatio(content, half, exemplar);
        assertTrue(r > 0 && r < 1, "ratio " + r);
    }

    @Test
    void ratiosAreNaNWhenContentEqualsExemplar() {
        assertTrue(Double.isNaN(StyleMetrics.styleRatio(content, exemplar, content)));
        assertTrue(Double.isNaN(StyleMetrics.textureRatio(content, exemplar, content)));
    }

    @Test
    void textureRatioIsZeroForOutputEqualToExemplarAndOneForOutputEqualToContent() {
        assertEquals(0, StyleMetrics.textureRatio(content, exemplar, exemplar), 1e-9);
        assertEquals(1, StyleMetrics.textureRatio(content, content, exemplar), 1e-12);
    }

    @Test
    void structureIsSsimAgainstContent() {
        assertEquals(1, StyleMetrics.structure(content, content), 1e-12);
        assertTrue(StyleMetrics.structure(content, exemplar) < 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StyleMetrics.structure(content, TestImages.scene(48, 40)));
        assertTrue(e.getMessage().contains("48x48") && e.getMessage().contains("48x40"), e.getMessage());
    }

    @Test
    void specificityIsOneWhenEveryOutputEqualsItsExemplar() {
        // Two contents; output (c, e) = exemplar e.
        List<RgbImage> ex = List.of(exemplars);
        assertEquals(1.0, StyleMetrics.specificity(ex, List.of(ex, ex)), 0);
    }

    @Test
    void specificityIsOneHalfWhenOutputsIgnoreTheExemplar() {
        // Every output is the content: for each ordered pair (e1, e2) exactly one of (e1, e2) and
        // (e2, e1) counts as closer (the distances are not tied), so the fraction is exactly 1/2.
        List<RgbImage> ex = List.of(exemplars);
        double s = StyleMetrics.specificity(ex, List.of(List.of(content, content, content)));
        assertEquals(0.5, s, 0);
    }

    @Test
    void specificityCountsOnConstructedGaussians() {
        // 1-D Gaussians, unit variance: exemplars at 0, 10, 20. Content 0's outputs sit on their
        // exemplars; content 1's outputs all sit at 0 (nearest exemplar 0).
        Gaussian[] ex = {point(0), point(10), point(20)};
        Gaussian[][] out = {
            {point(0), point(10), point(20)},
            {point(0), point(0), point(0)},
        };
        // Content 0: all 6 ordered pairs closer. Content 1: e1 = 0 wins both pairs (2), e1 = 10
        // loses to e2 = 0 and beats 20 (1), e1 = 20 loses both (0). Total (6 + 3) / 12.
        assertEquals(9.0 / 12.0, StyleMetrics.specificity(ex, out), 1e-15);
    }

    @Test
    void specificityValidatesShapes() {
        Gaussian[] ex = {point(0), point(1)};
        assertThrows(IllegalArgumentException.class, () -> StyleMetrics.specificity(new Gaussian[] {point(0)}, new Gaussian[][] {{point(0)}}));
        assertThrows(IllegalArgumentException.class, () -> StyleMetrics.specificity(ex, new Gaussian[][] {{point(0)}}));
    }

    private static Gaussian point(double mean) {
        return new Gaussian(new double[] {mean}, new double[][] {{1}});
    }
}
