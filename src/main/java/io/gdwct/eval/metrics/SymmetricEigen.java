package io.gdwct.eval.metrics;

/**
 * Eigendecomposition A = V diag(λ) Vᵀ of a real symmetric matrix by the cyclic Jacobi method.
 *
 * <p>Jacobi is chosen over QR because the matrices here are tiny (d ≤ 12), it needs no
 * tridiagonalisation, and it is accurate to rounding in every eigenvalue, which matters for the
 * near-zero eigenvalues of nearly singular covariances (e.g. a grey image's a*, b* plane).
 *
 * <p>Layout: {@link #values()} holds the eigenvalues in descending order; {@link #vectors()} is
 * row-major {@code V[row][col]} with the unit eigenvector of {@code values()[j]} in column j.
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;

    /**
     * Decomposes a square symmetric matrix (not modified). Asymmetry beyond rounding (relative
     * 1e-10 of the largest entry) is rejected; within it, the matrix is symmetrised first.
     */
    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][n];
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + matrix[i].length + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                maxAbs = Math.max(maxAbs, Math.abs(matrix[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(matrix[i][j] - matrix[j][i]) > 1e-10 * maxAbs) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + ")");
                }
                a[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && !offDiagonalNegligible(a); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        return sorted(a, v);
    }

    /** Off-diagonal mass below rounding of the whole matrix: Jacobi converges quadratically to it. */
    private static boolean offDiagonalNegligible(double[][] a) {
        double off = 0;
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                double sq = a[i][j] * a[i][j];
                total += sq;
                if (i != j) {
                    off += sq;
                }
            }
        }
        return off <= 1e-32 * total; // (eps / 2)^2 relative: off-diagonal norm at the last bit
    }

    /** One Jacobi rotation J(p, q, φ) chosen so that (Jᵀ A J)[p][q] = 0; A ← Jᵀ A J, V ← V J. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        // The smaller root of t² + 2θt − 1 = 0 (|φ| ≤ π/4) keeps the rotation, and hence the
        // disturbance of already-reduced entries, small; written to avoid overflow for huge θ.
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) { // columns p, q of A J
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) { // rows p, q of Jᵀ (A J)
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        a[p][q] = 0; // zero in exact arithmetic; set it so rounding does not linger
        a[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static SymmetricEigen sorted(double[][] a, double[][] v) {
        int n = a.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = a[order[j]][order[j]];
            for (int r = 0; r < n; r++) {
                vectors[r][j] = v[r][order[j]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
