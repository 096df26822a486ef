package io.gdwct.eval.metrics;

import java.util.Arrays;

/**
 * One real (even) Gabor kernel of {@link GaborBank}, stored as half of its taps.
 *
 * <p>The kernel g(x, y) = exp(−(x'² + γ² y'²) / (2σ²)) · cos(2π x' / λ), with x' = x cos θ + y sin θ,
 * y' = −x sin θ + y cos θ, is point-symmetric: g(−x, −y) = g(x, y). Only the taps with dy &gt; 0, or
 * dy = 0 and dx ≥ 0, are kept; the convolution adds the pixels at +offset and −offset before one
 * multiply, which halves the multiplies. The centre tap pairs with itself, so its stored weight is
 * half the true one. Because the other half is the mirror image by construction, the kernel that is
 * applied is exactly the symmetric one whose mean and L1 norm were computed below.
 *
 * @param dx column offsets of the kept taps
 * @param dy row offsets of the kept taps
 * @param weights stored weights (true weight; half of it for the centre)
 * @param reach largest |dx| or |dy| over the full kernel: the border padding it needs
 */
record GaborKernel(int[] dx, int[] dy, double[] weights, int reach) {

    /**
     * Builds the kernel on the taps inside the ellipse x'² + γ² y'² ≤ (t σ)², made zero-mean and
     * scaled to unit L1 norm over the full (mirrored) tap set.
     *
     * @param lambda wavelength λ in pixels
     * @param thetaRad wave-vector direction θ in radians (x right, y down)
     * @param sigma envelope σ across the stripes
     * @param aspect γ; the envelope along the stripes is σ / γ
     * @param truncation t, in standard deviations
     */
    static GaborKernel build(double lambda, double thetaRad, double sigma, double aspect, double truncation) {
        double cos = Math.cos(thetaRad);
        double sin = Math.sin(thetaRad);
        double across = truncation * sigma; // ellipse semi-axis along x'
        double along = across / aspect;     // ellipse semi-axis along y'
        // Bounding box of the rotated ellipse.
        int hx = (int) Math.ceil(Math.hypot(across * cos, along * sin));
        int hy = (int) Math.ceil(Math.hypot(across * sin, along * cos));
        int cap = (hy + 1) * (2 * hx + 1);
        int[] ox = new int[cap];
        int[] oy = new int[cap];
        double[] w = new double[cap];
        int n = 0;
        double weightedSum = 0;
        int count = 0; // taps in the full kernel
        int reach = 0;
        for (int y = 0; y <= hy; y++) {
            for (int x = y == 0 ? 0 : -hx; x <= hx; x++) {
                double xp = x * cos + y * sin;
                double yp = -x * sin + y * cos;
                double r2 = xp * xp + aspect * aspect * yp * yp;
                if (r2 > across * across) {
                    continue;
                }
                int multiplicity = (x == 0 && y == 0) ? 1 : 2;
                ox[n] = x;
                oy[n] = y;
                w[n] = Math.exp(-r2 / (2 * sigma * sigma)) * Math.cos(2 * Math.PI * xp / lambda);
                weightedSum += multiplicity * w[n];
                count += multiplicity;
                reach = Math.max(reach, Math.max(Math.abs(x), y));
                n++;
            }
        }
        // Zero mean, so a flat region responds 0 (the bare cosine-Gaussian has a small DC term);
        // then unit L1 norm, so every channel shares one scale.
        double mean = weightedSum / count;
        double l1 = 0;
        for (int k = 0; k < n; k++) {
            w[k] -= mean;
            l1 += ((ox[k] == 0 && oy[k] == 0) ? 1 : 2) * Math.abs(w[k]);
        }
        for (int k = 0; k < n; k++) {
            w[k] = w[k] / l1 * ((ox[k] == 0 && oy[k] == 0) ? 0.5 : 1.0);
        }
        return new GaborKernel(Arrays.copyOf(ox, n), Arrays.copyOf(oy, n), Arrays.copyOf(w, n), reach);
    }

    /** Number of taps in the full kernel. */
    int fullTaps() {
        return 2 * weights.length - 1;
    }
}
