package io.gdwct.eval.metrics;

import io.gdwct.image.RgbImage;

/**
 * A d-dimensional Gaussian given by its mean vector ({@code d}) and covariance matrix ({@code d × d},
 * row-major {@code cov[row][col]}).
 *
 * <p>{@code fit*} methods use the <em>population</em> covariance (divide by N, not N − 1): the
 * samples are all the pixels of an image (or a fixed grid of them), not a draw from a larger set,
 * and this keeps the covariance of a single sample at 0 instead of undefined.
 *
 * <p>The constructor copies its arrays; the accessors return the record's own arrays, which callers
 * must not modify. Being a record of arrays, {@code equals} compares array identity, not contents.
 */
public record Gaussian(double[] mean, double[][] cov) {

    public Gaussian {
        if (mean == null || cov == null) {
            throw new IllegalArgumentException("mean and cov are required");
        }
        int d = mean.length;
        if (d == 0) {
            throw new IllegalArgumentException("dimension must be at least 1");
        }
        if (cov.length != d) {
            throw new IllegalArgumentException("cov has " + cov.length + " rows, expected " + d);
        }
        double[][] copy = new double[d][];
        for (int i = 0; i < d; i++) {
            if (cov[i].length != d) {
                throw new IllegalArgumentException("cov row " + i + " has " + cov[i].length + " entries, expected " + d);
            }
            copy[i] = cov[i].clone();
        }
        mean = mean.clone();
        cov = copy;
    }

    /** The dimension d. */
    public int dimension() {
        return mean.length;
    }

    /** Fits a Gaussian to samples laid out {@code (N, d)}: {@code samples[i]} is the i-th d-vector. */
    public static Gaussian fit(double[][] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int n = samples.length;
        int d = samples[0].length;
        double[][] planar = new double[d][n];
        for (int i = 0; i < n; i++) {
            if (samples[i].length != d) {
                throw new IllegalArgumentException("sample " + i + " has " + samples[i].length + " values, expected " + d);
            }
            for (int k = 0; k < d; k++) {
                planar[k][i] = samples[i][k];
            }
        }
        return fitChannels(d, n, (k, i) -> planar[k][i]);
    }

    /**
     * Fits a Gaussian to planar samples {@code (d, N)}: {@code channels[k][i]} is component k of
     * sample i (the layout of {@link ColorSpaces#toLab} and {@link GaborBank#responses}).
     */
    public static Gaussian fitPlanar(float[][] channels) {
        if (channels.length == 0 || channels[0].length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int n = channels[0].length;
        for (int k = 1; k < channels.length; k++) {
            if (channels[k].length != n) {
                throw new IllegalArgumentException("channel " + k + " has " + channels[k].length + " samples, expected " + n);
            }
        }
        return fitChannels(channels.length, n, (k, i) -> channels[k][i]);
    }

    /** The Gaussian of an image's pixels in CIE Lab (d = 3, over all pixels). */
    public static Gaussian fitLab(RgbImage image) {
        return fitPlanar(ColorSpaces.toLab(image));
    }

    private interface Sample {
        double get(int channel, int index);
    }

    private static Gaussian fitChannels(int d, int n, Sample s) {
        double[] mean = new double[d];
        for (int k = 0; k < d; k++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += s.get(k, i);
            }
            mean[k] = sum / n;
        }
        // Two passes (centre first, then multiply): the one-pass E[xy] - E[x]E[y] form cancels
        // catastrophically when the mean is large against the spread (L* ~ 50 with a spread of 1).
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                centred[k] = s.get(k, i) - mean[k];
            }
            for (int r = 0; r < d; r++) {
                double cr = centred[r];
                for (int c = r; c < d; c++) {
                    cov[r][c] += cr * centred[c];
                }
            }
        }
        for (int r = 0; r < d; r++) {
            for (int c = r; c < d; c++) {
                cov[r][c] /= n;
                cov[c][r] = cov[r][c]; // exactly symmetric by construction
            }
        }
        return new Gaussian(mean, cov);
    }
}
