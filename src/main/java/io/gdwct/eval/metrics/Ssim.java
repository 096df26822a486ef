package io.gdwct.eval.metrics;

import io.gdwct.image.RgbImage;

/**
 * Structural similarity (SSIM, Wang et al. 2004) of two images' luminance.
 *
 * <ul>
 *   <li>Luminance: Y = 0.299 R + 0.587 G + 0.114 B on 0..255 ({@link ColorSpaces#luminance}).
 *   <li>Window: Gaussian σ = 1.5 sampled on 11 × 11 taps (offsets −5..5, i.e. truncated at 3.33σ),
 *       normalised to sum 1 — the window of the reference implementation. Applied separably.
 *   <li>Constants: C1 = (0.01 · 255)², C2 = (0.03 · 255)² (L = 255, K1 = 0.01, K2 = 0.03).
 *   <li>Local statistics: μ = window mean, σ² = E[x²] − μ², σxy = E[xy] − μx μy.
 *   <li>Map: SSIM(p) = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2)) at every
 *       position where the window lies wholly inside the image ("valid", no padding): a map of
 *       (W − 10) × (H − 10). The score is the plain mean of that map.
 * </ul>
 *
 * <p>Both images must have the same size, at least 11 × 11.
 */
public final class Ssim {

    /** Window half-size: 11 × 11 taps. */
    public static final int RADIUS = 5;
    /** Window standard deviation. */
    public static final double SIGMA = 1.5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] WINDOW = window();

    private Ssim() {}

    private static double[] window() {
        double[] w = new double[2 * RADIUS + 1];
        double sum = 0;
        for (int i = -RADIUS; i <= RADIUS; i++) {
            w[i + RADIUS] = Math.exp(-(i * i) / (2 * SIGMA * SIGMA));
            sum += w[i + RADIUS];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum; // 1-D taps sum to 1, so the separable 2-D window does too
        }
        return w;
    }

    /** Mean SSIM of the luminance of two images of equal size; 1 for identical images. */
    public static double ssim(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("image sizes differ: " + a.width() + "x" + a.height()
                    + " and " + b.width() + "x" + b.height());
        }
        return ssim(ColorSpaces.luminance(a), ColorSpaces.luminance(b), a.width(), a.height());
    }

    /** Mean SSIM of two row-major luminance planes {@code [height * width]} on 0..255. */
    public static double ssim(float[] x, float[] y, int width, int height) {
        int k = 2 * RADIUS + 1;
        if (x.length != width * height || y.length != width * height) {
            throw new IllegalArgumentException("planes must hold " + width + "x" + height + " values");
        }
        if (width < k || height < k) {
            throw new IllegalArgumentException("SSIM needs images of at least " + k + "x" + k + ", got "
                    + width + "x" + height);
        }
        int n = width * height;
        double[] xx = new double[n];
        double[] yy = new double[n];
        double[] xy = new double[n];
        double[] xd = new double[n];
        double[] yd = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = x[i];
            yd[i] = y[i];
            xx[i] = xd[i] * xd[i];
            yy[i] = yd[i] * yd[i];
            xy[i] = xd[i] * yd[i];
        }
        int ow = width - 2 * RADIUS;
        int oh = height - 2 * RADIUS;
        double[] mx = filterValid(xd, width, height);
        double[] my = filterValid(yd, width, height);
        double[] exx = filterValid(xx, width, height);
        double[] eyy = filterValid(yy, width, height);
        double[] exy = filterValid(xy, width, height);
        double sum = 0;
        for (int i = 0; i < ow * oh; i++) {
            double vx = exx[i] - mx[i] * mx[i];
            double vy = eyy[i] - my[i] * my[i];
            double cxy = exy[i] - mx[i] * my[i];
            sum += ((2 * mx[i] * my[i] + C1) * (2 * cxy + C2))
                    / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
        }
        return sum / (ow * oh);
    }

    /** Separable window filter keeping only fully covered positions: output (W − 10) × (H − 10). */
    private static double[] filterValid(double[] src, int width, int height) {
        int ow = width - 2 * RADIUS;
        int oh = height - 2 * RADIUS;
        double[] rows = new double[ow * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < ow; x++) {
                double acc = 0;
                for (int t = 0; t < WINDOW.length; t++) {
                    acc += WINDOW[t] * src[y * width + x + t];
                }
                rows[y * ow + x] = acc;
            }
        }
        double[] out = new double[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                double acc = 0;
                for (int t = 0; t < WINDOW.length; t++) {
                    acc += WINDOW[t] * rows[(y + t) * ow + x];
                }
                out[y * ow + x] = acc;
            }
        }
        return out;
    }
}
