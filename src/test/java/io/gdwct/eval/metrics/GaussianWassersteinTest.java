package io.gdwct.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gdwct.image.RgbImage;
import org.junit.jupiter.api.Test;

/** Gaussian fitting and the W2 distance. */
class GaussianWassersteinTest {

    private static Gaussian diagonal(double[] mean, double[] variances) {
        double[][] cov = new double[mean.length][mean.length];
        for (int i = 0; i < mean.length; i++) {
            cov[i][i] = variances[i];
        }
        return new Gaussian(mean, cov);
    }

    @Test
    void fitGivesMeanAndPopulationCovariance() {
        Gaussian g = Gaussian.fit(new double[][] {{1, 2}, {3, 6}, {5, 10}, {7, 14}});
        assertArrayEquals(new double[] {4, 8}, g.mean(), 1e-12);
        // x has population variance 5, y = 2x: variance 20, covariance 10.
        assertArrayEquals(new double[] {5, 10}, g.cov()[0], 1e-12);
        assertArrayEquals(new double[] {10, 20}, g.cov()[1], 1e-12);
    }

    @Test
    void fitPlanarAgreesWithFit() {
        float[][] planar = {{1, 3, 5, 7}, {2, 6, 10, 14}};
        Gaussian g = Gaussian.fitPlanar(planar);
        assertArrayEquals(new double[] {4, 8}, g.mean(), 1e-12);
        assertArrayEquals(new double[] {10, 20}, g.cov()[1], 1e-12);
    }

    @Test
    void fitLabOfFlatImageIsItsColourWithZeroCovariance() {
        Gaussian g = Gaussian.fitLab(TestImages.flat(8, 5, 255, 0, 0));
        assertArrayEquals(new double[] {53.24, 80.09, 67.20}, g.mean(), 0.05);
        for (double[] row : g.cov()) {
            assertArrayEquals(new double[3], row, 1e-9);
        }
    }

    @Test
    void identicalGaussiansAreAtDistanceZero() {
        RgbImage img = TestImages.scene(64, 48);
        Gaussian a = Gaussian.fitLab(img);
        Gaussian b = Gaussian.fitLab(img);
        assertEquals(0, Wasserstein.w2(a, b), 1e-9);
        Gaussian t = GaborBank.standard().textureGaussian(img);
        assertEquals(0, Wasserstein.w2(t, GaborBank.standard().textureGaussian(img)), 1e-9);
    }

    @Test
    void identicalGreyImagesWithSingularCovarianceAreAtDistanceZero() {
        // Grey pixels: a*, b* constant, so the Lab covariance has rank 1.
        RgbImage grey = TestImages.of(40, 40, (x, y) -> new int[] {x * 6, x * 6, x * 6});
        Gaussian g = Gaussian.fitLab(grey);
        assertEquals(0, Wasserstein.w2(g, Gaussian.fitLab(grey)), 1e-9);
    }

    @Test
    void oneDimensionalClosedForm() {
        // W2² = (μ1 − μ2)² + (σ1 − σ2)².
        Gaussian a = diagonal(new double[] {1}, new double[] {4});
        Gaussian b = diagonal(new double[] {4}, new double[] {25});
        assertEquals(Math.sqrt(9 + 9), Wasserstein.w2(a, b), 1e-12);
    }

    @Test
    void diagonalClosedForm() {
        double[] m1 = {10, -2, 3};
        double[] m2 = {7, 1, 3.5};
        double[] v1 = {4, 9, 0.25};
        double[] v2 = {16, 1, 2};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += Math.pow(m1[i] - m2[i], 2) + Math.pow(Math.sqrt(v1[i]) - Math.sqrt(v2[i]), 2);
        }
        assertEquals(expected, Wasserstein.w2Squared(diagonal(m1, v1), diagonal(m2, v2)), 1e-12);
        assertEquals(Math.sqrt(expected), Wasserstein.w2(diagonal(m1, v1), diagonal(m2, v2)), 1e-12);
    }

    @Test
    void scaledCovarianceClosedForm() {
        // Same mean, Σ and c² Σ (full, non-diagonal Σ): W2 = |1 − c| √tr Σ.
        double[][] s = LinearAlgebraTest.randomSpd(12, 5);
        double[][] s9 = new double[12][12];
        double trace = 0;
        for (int i = 0; i < 12; i++) {
            trace += s[i][i];
            for (int j = 0; j < 12; j++) {
                s9[i][j] = 9 * s[i][j];
            }
        }
        double[] mean = new double[12];
        assertEquals(2 * Math.sqrt(trace), Wasserstein.w2(new Gaussian(mean, s), new Gaussian(mean, s9)), 1e-9);
    }

    @Test
    void agreesWithTheEigenvalueFormOfTheCrossTerm() {
        // Non-commuting covariances: cross term = Σ √λ of Σ2^{1/2} Σ1 Σ2^{1/2}, well conditioned here.
        double[][] s1 = LinearAlgebraTest.randomSpd(5, 11);
        double[][] s2 = LinearAlgebraTest.randomSpd(5, 12);
        double[][] r2 = MatrixSqrt.sqrtPsd(s2);
        double cross = 0;
        for (double l : SymmetricEigen.of(MatrixSqrt.multiply(MatrixSqrt.multiply(r2, s1), r2)).values()) {
            cross += Math.sqrt(l);
        }
        double expected = -2 * cross;
        for (int i = 0; i < 5; i++) {
            expected += s1[i][i] + s2[i][i];
        }
        double[] zero = new double[5];
        assertEquals(expected, Wasserstein.w2Squared(new Gaussian(zero, s1), new Gaussian(zero, s2)), 1e-9);
    }

    @Test
    void isSymmetric() {
        Gaussian a = Gaussian.fitLab(TestImages.scene(50, 40));
        Gaussian b = Gaussian.fitLab(TestImages.noise(50, 40, 3, 200, 60, 90, 30));
        double ab = Wasserstein.w2(a, b);
        assertEquals(ab, Wasserstein.w2(b, a), 1e-9 * ab);
        Gaussian ta = GaborBank.standard().textureGaussian(TestImages.scene(50, 40));
        Gaussian tb = GaborBank.standard().textureGaussian(TestImages.noise(50, 40, 3, 200, 60, 90, 30));
        double tab = Wasserstein.w2(ta, tb);
        assertEquals(tab, Wasserstein.w2(tb, ta), 1e-9 * tab);
    }

    @Test
    void rejectsMismatchedDimensions() {
        Gaussian a = diagonal(new double[] {0}, new double[] {1});
        Gaussian b = diagonal(new double[] {0, 0}, new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> Wasserstein.w2(a, b));
    }
}
