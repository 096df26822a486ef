package io.gdwct.eval.metrics;

/**
 * The principal square root of a symmetric positive semidefinite matrix: the unique symmetric PSD
 * R with R R = S, computed as V diag(√max(λ, 0)) Vᵀ from {@link SymmetricEigen}.
 */
public final class MatrixSqrt {

    /**
     * Eigenvalues below −1e-8 · (largest |λ|) mean the input is not PSD (not rounding noise), and
     * are rejected; smaller negatives are the rounding of a covariance and are clamped to 0.
     */
    static final double NEGATIVE_TOLERANCE = 1e-8;

    private MatrixSqrt() {}

    /** The symmetric PSD square root of {@code s} (row-major d × d, not modified). */
    public static double[][] sqrtPsd(double[][] s) {
        SymmetricEigen eig = SymmetricEigen.of(s);
        double[] lambda = eig.values();
        double[][] v = eig.vectors();
        int n = lambda.length;
        double scale = 0;
        for (double l : lambda) {
            scale = Math.max(scale, Math.abs(l));
        }
        double[] root = new double[n];
        for (int j = 0; j < n; j++) {
            if (lambda[j] < -NEGATIVE_TOLERANCE * scale) {
                throw new IllegalArgumentException("matrix is not positive semidefinite: eigenvalue " + lambda[j]);
            }
            root[j] = Math.sqrt(Math.max(lambda[j], 0));
        }
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += v[i][j] * root[j] * v[k][j];
                }
                r[i][k] = sum;
                r[k][i] = sum; // exactly symmetric
            }
        }
        return r;
    }

    /** The product {@code a b} of two square row-major matrices of equal size. */
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }
}
