package io.gdwct.training.report;

import io.gdwct.files.AtomicFiles;
import io.gdwct.image.ImageEncoder;
import io.gdwct.image.ImageFormat;
import io.gdwct.image.RgbImage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws loss curves against iteration into a 1200×800 PNG titled "Training losses".
 *
 * <p>The Y axis is logarithmic when every plotted value is positive, because GAN losses of very
 * different sizes (a reconstruction near 0.2 next to a total near 12) are unreadable on one linear
 * axis; it falls back to linear otherwise. NaN and infinite values (a diverged step) are left out
 * rather than spoiling the axis range. JFreeChart draws (AWT, headless); the PNG is encoded by
 * {@link ImageEncoder}, the project's one encoder, and replaced atomically so a viewer polling it
 * never reads half a PNG.
 */
public final class LossChart {

    /** Image size in pixels. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;
    public static final String TITLE = "Training losses";

    private LossChart() {
    }

    /** Writes the chart of the named series without smoothing. */
    public static void write(Path png, List<MetricsRecord> records, List<String> series) throws IOException {
        write(png, records, series, 1);
    }

    /**
     * Writes the chart of the named series (loss names, or {@code lr} and the other numeric fixed
     * fields), each smoothed by a trailing moving average over {@code smoothWindow} points (1 = raw).
     * Empty or one-point data still gives a chart.
     */
    public static void write(Path png, List<MetricsRecord> records, List<String> series, int smoothWindow)
            throws IOException {
        BufferedImage drawn = chart(records, series, smoothWindow).createBufferedImage(WIDTH, HEIGHT,
                BufferedImage.TYPE_INT_RGB, null);
        byte[] encoded = ImageEncoder.encode(rgb(drawn), ImageFormat.PNG, ImageEncoder.DEFAULT_QUALITY);
        AtomicFiles.write(png, encoded, AtomicFiles.Durability.ATOMIC);
    }

    private static RgbImage rgb(BufferedImage image) {
        int[] packed = image.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
        byte[] rgb = new byte[packed.length * 3];
        for (int i = 0; i < packed.length; i++) {
            rgb[3 * i] = (byte) (packed[i] >> 16);
            rgb[3 * i + 1] = (byte) (packed[i] >> 8);
            rgb[3 * i + 2] = (byte) packed[i];
        }
        return new RgbImage(WIDTH, HEIGHT, rgb);
    }

    /** The chart itself; package-private so tests can inspect the axis choice. */
    static JFreeChart chart(List<MetricsRecord> records, List<String> series, int smoothWindow) {
        if (smoothWindow < 1) {
            throw new IllegalArgumentException("smoothWindow must be at least 1, got " + smoothWindow);
        }
        headless();
        XYSeriesCollection dataset = new XYSeriesCollection();
        boolean allPositive = true;
        boolean anyPoint = false;
        double smallest = Double.POSITIVE_INFINITY;
        for (String name : series) {
            XYSeries xy = smoothed(name, records, smoothWindow);
            for (int i = 0; i < xy.getItemCount(); i++) {
                double y = xy.getY(i).doubleValue();
                allPositive &= y > 0;
                smallest = Math.min(smallest, y);
                anyPoint = true;
            }
            dataset.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(TITLE, "iteration", "loss", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        NumberAxis iterations = (NumberAxis) plot.getDomainAxis();
        // from 0 so that a lone point or a short run still gets a sensible, integer-ticked axis
        iterations.setAutoRangeIncludesZero(true);
        iterations.setAutoRangeMinimumSize(1);
        iterations.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (anyPoint && allPositive) {
            LogAxis log = new LogAxis("loss (log scale)");
            log.setSmallestValue(1e-12);
            // plain numbers read better than the default 10^x labels; tiny diagnostics need E
            log.setNumberFormatOverride(new DecimalFormat(smallest < 1e-3 ? "0.##E0" : "0.###"));
            plot.setRangeAxis(log);
        }
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            // a lone point draws no line segment, so mark it to make it visible at all
            renderer.setSeriesShapesVisible(i, dataset.getItemCount(i) == 1);
        }
        return chart;
    }

    /**
     * Keeps AWT off the display (training runs on servers) unless the user chose; it must happen
     * before the first AWT class initialises, hence before any chart is built.
     */
    private static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The finite values of one series, each averaged with up to window - 1 predecessors. */
    private static XYSeries smoothed(String name, List<MetricsRecord> records, int window) {
        XYSeries xy = new XYSeries(name, true, true);
        Deque<Double> recent = new ArrayDeque<>(window);
        for (MetricsRecord r : records) {
            OptionalDouble v = r.value(name);
            if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) {
                continue;
            }
            recent.addLast(v.getAsDouble());
            if (recent.size() > window) {
                recent.removeFirst();
            }
            // summed afresh rather than as a running total, whose rounding drift could push a
            // small positive average to zero and flip the axis to linear
            double sum = 0;
            for (double d : recent) {
                sum += d;
            }
            xy.add(r.iteration(), sum / recent.size(), false);
        }
        return xy;
    }
}
