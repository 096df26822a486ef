package io.gdwct.eval.metrics;

/**
 * The 2-Wasserstein distance between two Gaussians of equal dimension:
 *
 * <pre>
 *   W2² = |μ1 − μ2|² + tr(Σ1 + Σ2 − 2 (Σ2^{1/2} Σ1 Σ2^{1/2})^{1/2})
 * </pre>
 *
 * <p>The cross term tr (Σ2^{1/2} Σ1 Σ2^{1/2})^{1/2} is computed as the sum of singular values of
 * Σ1^{1/2} Σ2^{1/2} (see {@link SingularValues} for why), with the roots from {@link MatrixSqrt}.
 *
 * <p><b>Rounding floor</b>: the covariance term is a difference of nearly equal traces, so for equal
 * covariances it comes out as rounding noise of order d · ε · (tr Σ1 + tr Σ2) instead of 0, which
 * the final square root would inflate to ~1e-6 (in Lab units). A covariance term at or below
 * {@code 64 · d · ε · (tr Σ1 + tr Σ2)} (ε = 2.2e-16) is therefore taken as 0 — relative 1e-13 of
 * the total variance, far below any difference a metric could care about. The mean term is exact.
 */
public final class Wasserstein {

    private static final double NOISE_FLOOR = 64 * Math.ulp(1.0);

    private Wasserstein() {}

    /** W2(a, b) ≥ 0; symmetric in its arguments. */
    public static double w2(Gaussian a, Gaussian b) {
        return Math.sqrt(w2Squared(a, b));
    }

    /** W2(a, b)², the sum of the mean term |μ1 − μ2|² and the covariance term. */
    public static double w2Squared(Gaussian a, Gaussian b) {
        int d = a.dimension();
        if (b.dimension() != d) {
            throw new IllegalArgumentException("dimensions differ: " + d + " and " + b.dimension());
        }
        double meanTerm = 0;
        for (int k = 0; k < d; k++) {
            double diff = a.mean()[k] - b.mean()[k];
            meanTerm += diff * diff;
        }
        double traceA = trace(a.cov());
        double traceB = trace(b.cov());
        double cross = SingularValues.nuclearNorm(
                MatrixSqrt.multiply(MatrixSqrt.sqrtPsd(a.cov()), MatrixSqrt.sqrtPsd(b.cov())));
        double covTerm = traceA + traceB - 2 * cross;
        if (covTerm <= NOISE_FLOOR * d * (traceA + traceB)) {
            covTerm = 0; // rounding noise (or exactly 0), never a real negative distance
        }
        return meanTerm + covTerm;
    }

    private static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i];
        }
        return t;
    }
}
