package io.gdwct.training.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossChartTest {

    private static final List<String> SERIES = List.of("d_loss", "g_total", "ae_rec");

    @TempDir
    Path dir;

    private static List<MetricsRecord> records(int n) {
        List<MetricsRecord> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new MetricsRecord(i * 10L, null, i, 2, 1e-4,
                    Map.of("d_loss", 0.5 + 0.1 * Math.sin(i), "g_total", 12.0 / i, "ae_rec", 0.2)));
        }
        return out;
    }

    private static BufferedImage readPng(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable PNG");
        return image;
    }

    private void assertChartPng(List<MetricsRecord> records, int smooth) throws IOException {
        Path png = dir.resolve("losses.png");
        LossChart.write(png, records, SERIES, smooth);
        BufferedImage image = readPng(png);
        assertEquals(1200, image.getWidth());
        assertEquals(800, image.getHeight());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void writesA1200x800PngForNormalData() throws IOException {
        assertChartPng(records(200), 1);
        assertChartPng(records(200), 10); // overwrites the previous one
    }

    @Test
    void writesAPngForEmptyData() throws IOException {
        assertChartPng(List.of(), 1);
        LossChart.write(dir.resolve("losses.png"), records(3), List.of());
        assertEquals(1200, readPng(dir.resolve("losses.png")).getWidth());
    }

    @Test
    void writesAPngForASinglePoint() throws IOException {
        assertChartPng(records(1), 5);
    }

    @Test
    void logAxisOnlyWhenEveryValueIsPositive() {
        JFreeChart positive = LossChart.chart(records(20), SERIES, 1);
        assertInstanceOf(LogAxis.class, positive.getXYPlot().getRangeAxis());

        List<MetricsRecord> withNegative = new ArrayList<>(records(20));
        withNegative.add(new MetricsRecord(300, null, 0, 0, 0, Map.of("d_loss", -0.1)));
        JFreeChart mixed = LossChart.chart(withNegative, SERIES, 1);
        assertInstanceOf(NumberAxis.class, mixed.getXYPlot().getRangeAxis());

        assertInstanceOf(NumberAxis.class, LossChart.chart(List.of(), SERIES, 1).getXYPlot().getRangeAxis());
    }

    @Test
    void smoothingIsATrailingMovingAverageAndNonFiniteValuesAreLeftOut() {
        List<MetricsRecord> records = List.of(
                new MetricsRecord(1, null, 0, 0, 0, Map.of("d_loss", 1.0)),
                new MetricsRecord(2, null, 0, 0, 0, Map.of("d_loss", 3.0)),
                new MetricsRecord(3, null, 0, 0, 0, Map.of("d_loss", Double.NaN)),
                new MetricsRecord(4, null, 0, 0, 0, Map.of("d_loss", 5.0)));
        XYDataset data = LossChart.chart(records, List.of("d_loss"), 2).getXYPlot().getDataset();
        assertEquals(3, data.getItemCount(0));
        assertEquals(1.0, data.getYValue(0, 0));
        assertEquals(2.0, data.getYValue(0, 1));
        assertEquals(4.0, data.getYValue(0, 2));
        assertEquals(4.0, data.getXValue(0, 2));
    }
}
