package io.gdwct.image.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gdwct.image.ImageEncoder;
import io.gdwct.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridTest {

    @TempDir
    Path dir;

    private static RgbImage solid(int w, int h, int r, int g, int b) {
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            rgb[3 * i] = (byte) r;
            rgb[3 * i + 1] = (byte) g;
            rgb[3 * i + 2] = (byte) b;
        }
        return new RgbImage(w, h, rgb);
    }

    private static int[] colour(int row, int col) {
        return new int[] {40 * row + 10, 50 * col + 20, 200 - 30 * col};
    }

    /** rows x 4 solid cells; cell (r, c) has colour(r, c) and a size unlike the first. */
    private static List<List<RgbImage>> rows(int n) {
        List<List<RgbImage>> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            List<RgbImage> row = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int[] k = colour(r, c);
                int size = r == 0 && c == 0 ? 16 : 8 + 7 * c; // smaller and larger than the first
                row.add(solid(size, size, k[0], k[1], k[2]));
            }
            rows.add(row);
        }
        return rows;
    }

    private static void assertPixel(RgbImage image, int x, int y, int[] expected) {
        int[] actual = {image.get(x, y, 0), image.get(x, y, 1), image.get(x, y, 2)};
        assertEquals(Arrays.toString(expected), Arrays.toString(actual), "pixel " + x + "," + y);
    }

    @Test
    void dimensionsAreCellsPlusGuttersAndEachCellKeepsItsColour() {
        RgbImage grid = SampleGrid.compose(rows(3), 0);
        int cell = 16; // the first image's size
        assertEquals(4 * cell + 3 * SampleGrid.GUTTER, grid.width());
        assertEquals(3 * cell + 2 * SampleGrid.GUTTER, grid.height());
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                int left = c * (cell + SampleGrid.GUTTER);
                int top = r * (cell + SampleGrid.GUTTER);
                assertPixel(grid, left, top, colour(r, c));
                assertPixel(grid, left + cell - 1, top + cell - 1, colour(r, c));
                assertPixel(grid, left + cell / 2, top + cell / 2, colour(r, c));
            }
        }
        int white = 255;
        assertPixel(grid, cell, 0, new int[] {white, white, white});
        assertPixel(grid, cell + 1, 5, new int[] {white, white, white});
        assertPixel(grid, 3, cell + 1, new int[] {white, white, white});
    }

    @Test
    void cellSizeScalesTheFirstImageShape() {
        List<List<RgbImage>> rows = List.of(List.of(solid(20, 10, 1, 2, 3), solid(7, 7, 4, 5, 6)));
        RgbImage grid = SampleGrid.compose(rows, 40);
        assertEquals(2 * 40 + SampleGrid.GUTTER, grid.width());
        assertEquals(20, grid.height());
        assertPixel(grid, 42, 19, new int[] {4, 5, 6});
    }

    @Test
    void missingCellsStayWhite() {
        List<RgbImage> shortRow = new ArrayList<>(List.of(solid(4, 4, 0, 0, 0)));
        shortRow.add(null);
        RgbImage grid = SampleGrid.compose(List.of(List.of(solid(4, 4, 9, 9, 9), solid(4, 4, 9, 9, 9),
                solid(4, 4, 9, 9, 9)), shortRow), 0);
        assertEquals(3 * 4 + 2 * 2, grid.width());
        assertPixel(grid, 7, 7, new int[] {255, 255, 255});
        assertPixel(grid, 13, 7, new int[] {255, 255, 255});
        assertPixel(grid, 0, 7, new int[] {0, 0, 0});
        assertThrows(IllegalArgumentException.class, () -> SampleGrid.compose(List.of(), 0));
    }

    @Test
    void writePngRoundTrips() throws IOException {
        RgbImage grid = SampleGrid.compose(rows(2), 0);
        Path png = dir.resolve("samples/iter_001000.png");
        ImageEncoder.write(grid, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(grid.width(), back.getWidth());
        assertEquals(grid.height(), back.getHeight());
        for (int[] p : new int[][] {{0, 0}, {20, 20}, {16, 3}, {grid.width() - 1, grid.height() - 1}}) {
            int rgb = back.getRGB(p[0], p[1]);
            assertPixel(grid, p[0], p[1], new int[] {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff});
        }
    }
}
