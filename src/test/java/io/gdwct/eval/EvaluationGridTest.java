package io.gdwct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.gdwct.image.RgbImage;
import org.junit.jupiter.api.Test;

/** Grid layout: square cells, images fitted and centred on white, blank top-left corner. */
class EvaluationGridTest {

    @Test
    void portraitImageIsFittedAndCentredInASquareCell() {
        EvaluationGrid grid = new EvaluationGrid(20, 1, 1);
        RgbImage thumb = grid.thumbnail(EvalImages.pattern(50, 100, 0)); // becomes 10 x 20
        assertEquals(20, thumb.width());
        assertEquals(20, thumb.height());
        assertEquals(0xff, thumb.get(0, 10, 0) & thumb.get(0, 10, 1) & thumb.get(0, 10, 2)); // left margin
        assertEquals(0xff, thumb.get(19, 10, 0) & thumb.get(19, 10, 1) & thumb.get(19, 10, 2)); // right margin
        assertNotEquals(0xff, thumb.get(10, 10, 0) & thumb.get(10, 10, 1) & thumb.get(10, 10, 2));
    }

    @Test
    void gridHasOneHeaderRowAndColumnAndGutters() {
        EvaluationGrid grid = new EvaluationGrid(16, 3, 2);
        grid.setExemplar(0, EvalImages.pattern(30, 30, 1));
        grid.setContent(2, EvalImages.pattern(16, 12, 2)); // smaller than a cell: scaled up
        grid.setOutput(2, 1, EvalImages.pattern(32, 24, 3));
        RgbImage image = grid.compose();
        assertEquals(3 * 16 + 2 * EvaluationGrid.GUTTER, image.width());
        assertEquals(4 * 16 + 3 * EvaluationGrid.GUTTER, image.height());
        assertEquals(EvaluationGrid.width(16, 2), image.width());
        assertEquals(EvaluationGrid.height(16, 3), image.height());
        int step = 16 + EvaluationGrid.GUTTER;
        assertEquals(0xff, image.get(8, 8, 0) & image.get(8, 8, 1) & image.get(8, 8, 2)); // corner blank
        assertNotEquals(0xff, image.get(step + 8, 8, 0) & image.get(step + 8, 8, 1) & image.get(step + 8, 8, 2));
        assertNotEquals(0xff, image.get(2 * step + 8, 3 * step + 8, 0) & image.get(2 * step + 8, 3 * step + 8, 1)
                & image.get(2 * step + 8, 3 * step + 8, 2));
    }
}
