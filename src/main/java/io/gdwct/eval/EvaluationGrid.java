package io.gdwct.eval;

import io.gdwct.image.ImageResizer;
import io.gdwct.image.RgbImage;
import io.gdwct.image.grid.SampleGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * grid.png: the exemplars along the first row, the contents down the first column, the output of
 * content r with exemplar c at row r + 1, column c + 1; the top-left cell is white.
 *
 * <p>Every cell is a {@code cell × cell} square: each image is scaled (up or down) so that its
 * longer side is {@code cell} pixels, keeping its aspect ratio, and centred on white. Square cells
 * make a grid of mixed portrait and landscape images line up without distorting any of them.
 * Cells are separated by {@link #GUTTER} white pixels (no outer border), so the grid is
 * {@code (E + 1) · cell + E · GUTTER} wide and {@code (C + 1) · cell + C · GUTTER} high for C
 * contents and E exemplars. Only these thumbnails are kept, not the full-size outputs.
 */
public final class EvaluationGrid {

    /** File name in the output folder. */
    public static final String FILE_NAME = "grid.png";
    /** Default cell side in pixels. */
    public static final int DEFAULT_CELL = 192;
    /** White pixels between cells. */
    public static final int GUTTER = SampleGrid.GUTTER;

    private final int cell;
    private final RgbImage[][] cells; // [row][column], row 0 = exemplars, column 0 = contents

    public EvaluationGrid(int cell, int contents, int exemplars) {
        if (cell < 1) {
            throw new IllegalArgumentException("cell size must be positive, got " + cell);
        }
        this.cell = cell;
        this.cells = new RgbImage[contents + 1][exemplars + 1];
    }

    /** Width of the composed grid for {@code exemplars} columns of outputs. */
    public static int width(int cell, int exemplars) {
        return (exemplars + 1) * cell + exemplars * GUTTER;
    }

    /** Height of the composed grid for {@code contents} rows of outputs. */
    public static int height(int cell, int contents) {
        return (contents + 1) * cell + contents * GUTTER;
    }

    public void setContent(int c, RgbImage image) {
        cells[c + 1][0] = thumbnail(image);
    }

    public void setExemplar(int e, RgbImage image) {
        cells[0][e + 1] = thumbnail(image);
    }

    public void setOutput(int c, int e, RgbImage image) {
        cells[c + 1][e + 1] = thumbnail(image);
    }

    /** The grid; cells never set stay white. */
    public RgbImage compose() {
        List<List<RgbImage>> rows = new ArrayList<>(cells.length);
        for (RgbImage[] row : cells) {
            List<RgbImage> r = new ArrayList<>(row.length);
            for (RgbImage image : row) {
                r.add(image == null ? blank() : image);
            }
            rows.add(r);
        }
        return SampleGrid.compose(rows);
    }

    /** The image scaled to fit a cell, centred on a white square. */
    RgbImage thumbnail(RgbImage image) {
        double scale = (double) cell / Math.max(image.width(), image.height());
        int w = Math.max(1, Math.min(cell, (int) Math.round(image.width() * scale)));
        int h = Math.max(1, Math.min(cell, (int) Math.round(image.height() * scale)));
        RgbImage scaled = ImageResizer.resize(image, w, h);
        byte[] rgb = blankBytes();
        int left = (cell - w) / 2;
        int top = (cell - h) / 2;
        for (int y = 0; y < h; y++) {
            System.arraycopy(scaled.rgb(), y * w * 3, rgb, ((top + y) * cell + left) * 3, w * 3);
        }
        return new RgbImage(cell, cell, rgb);
    }

    private RgbImage blank() {
        return new RgbImage(cell, cell, blankBytes());
    }

    private byte[] blankBytes() {
        byte[] rgb = new byte[cell * cell * 3];
        Arrays.fill(rgb, (byte) 0xff);
        return rgb;
    }
}
