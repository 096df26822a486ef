package io.gdwct.eval.metrics;

/**
 * Singular values of a small square matrix by one-sided (Hestenes) Jacobi.
 *
 * <p>Used for the W2 cross term, tr (Σ2^{1/2} Σ1 Σ2^{1/2})^{1/2}, which equals the sum of the
 * singular values of A = Σ1^{1/2} Σ2^{1/2} (because Σ2^{1/2} Σ1 Σ2^{1/2} = AᵀA). Taking singular
 * values of A directly, instead of eigenvalues of AᵀA followed by square roots, avoids squaring:
 * a rounding error δ in a near-zero eigenvalue of AᵀA would become √δ after the root, which for
 * nearly singular covariances (grey images, flat textures) is an error of ~1e-8 relative, not 1e-16.
 */
final class SingularValues {

    private static final int MAX_SWEEPS = 100;

    private SingularValues() {}

    /** The singular values (unsorted) of a square row-major matrix (not modified). */
    static double[] of(double[][] matrix) {
        int n = matrix.length;
        // Columns of U are rotated pairwise until mutually orthogonal: U = A V with V orthogonal,
        // so the column norms of the final U are the singular values of A.
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            u[i] = matrix[i].clone();
        }
        boolean rotated = true;
        for (int sweep = 0; sweep < MAX_SWEEPS && rotated; sweep++) {
            rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int i = 0; i < n; i++) {
                        alpha += u[i][p] * u[i][p];
                        beta += u[i][q] * u[i][q];
                        gamma += u[i][p] * u[i][q];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue; // already orthogonal to rounding
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    for (int i = 0; i < n; i++) {
                        double up = u[i][p];
                        double uq = u[i][q];
                        u[i][p] = c * up - s * uq;
                        u[i][q] = s * up + c * uq;
                    }
                }
            }
        }
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += u[i][j] * u[i][j];
            }
            sigma[j] = Math.sqrt(sum);
        }
        return sigma;
    }

    /** The nuclear (trace) norm: the sum of the singular values. */
    static double nuclearNorm(double[][] matrix) {
        double sum = 0;
        for (double s : of(matrix)) {
            sum += s;
        }
        return sum;
    }
}
