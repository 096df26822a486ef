package io.gdwct.image.grid;

import io.gdwct.image.ImageResizer;
import io.gdwct.image.RgbImage;
import java.util.Arrays;
import java.util.List;

/**
 * Lays training samples out as a grid, one row per content/exemplar pair
 * ({@code content | exemplar | a2b | b2a}), cells separated by a {@value #GUTTER}-pixel white
 * gutter (between cells only, no outer border).
 *
 * <p>Every cell has the shape of the first image; cells of another size are resized to it with
 * {@link ImageResizer#resize} (area when shrinking, bicubic when enlarging), the one resampler of
 * the project. Missing cells ({@code null}, or rows shorter than the longest) stay white. Grids are
 * written like any other image, with {@link io.gdwct.image.ImageEncoder}.
 */
public final class SampleGrid {

    /** Width of the white lines between cells, in pixels. */
    public static final int GUTTER = 2;

    private SampleGrid() {
    }

    /** Composes the grid with cells the native size of the first image. */
    public static RgbImage compose(List<List<RgbImage>> rows) {
        return compose(rows, 0);
    }

    /**
     * Composes the grid. A positive {@code cellSize} scales the first image's shape so that its
     * longer side is {@code cellSize} pixels (square training crops give square cells of that
     * size); 0 or less keeps the first image's size.
     */
    public static RgbImage compose(List<List<RgbImage>> rows, int cellSize) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to compose");
        }
        RgbImage first = rows.stream().flatMap(List::stream).filter(i -> i != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no images to compose"));
        int cellW = first.width();
        int cellH = first.height();
        if (cellSize > 0) {
            int longer = Math.max(cellW, cellH);
            cellW = Math.max(1, (int) Math.round((double) cellW * cellSize / longer));
            cellH = Math.max(1, (int) Math.round((double) cellH * cellSize / longer));
        }
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int width = cols * cellW + (cols - 1) * GUTTER;
        int height = rows.size() * cellH + (rows.size() - 1) * GUTTER;
        byte[] rgb = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        Arrays.fill(rgb, (byte) 0xff);
        for (int r = 0; r < rows.size(); r++) {
            List<RgbImage> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) != null) {
                    RgbImage cell = ImageResizer.resize(row.get(c), cellW, cellH);
                    blit(cell, rgb, width, c * (cellW + GUTTER), r * (cellH + GUTTER));
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }

    private static void blit(RgbImage cell, byte[] dst, int dstWidth, int left, int top) {
        int rowBytes = cell.width() * 3;
        for (int y = 0; y < cell.height(); y++) {
            System.arraycopy(cell.rgb(), y * rowBytes, dst, ((top + y) * dstWidth + left) * 3, rowBytes);
        }
    }
}
