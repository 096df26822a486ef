package io.gdwct.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SymmetricEigen, MatrixSqrt and SingularValues. */
class LinearAlgebraTest {

    /** A random symmetric positive definite d × d matrix B Bᵀ + 0.1 I with entries of order 1..10. */
    static double[][] randomSpd(int d, long seed) {
        Random rnd = new Random(seed);
        double[][] b = new double[d][d];
        for (double[] row : b) {
            for (int j = 0; j < d; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        double[][] s = MatrixSqrt.multiply(b, transpose(b));
        for (int i = 0; i < d; i++) {
            s[i][i] += 0.1;
        }
        return s;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    static void assertMatrixEquals(double[][] expected, double[][] actual, double tol) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i][j], actual[i][j], tol, "entry (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void jacobiReconstructsRandomSpdMatrix() {
        for (int d : new int[] {1, 2, 3, 7, 12}) {
            double[][] s = randomSpd(d, 42 + d);
            SymmetricEigen eig = SymmetricEigen.of(s);
            double[][] v = eig.vectors();
            double[][] lambdaVt = transpose(v);
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    lambdaVt[j][k] *= eig.values()[j];
                }
            }
            assertMatrixEquals(s, MatrixSqrt.multiply(v, lambdaVt), 1e-9);
            double[][] identity = new double[d][d];
            for (int i = 0; i < d; i++) {
                identity[i][i] = 1;
            }
            assertMatrixEquals(identity, MatrixSqrt.multiply(transpose(v), v), 1e-12);
            for (int j = 1; j < d; j++) {
                assertTrue(eig.values()[j - 1] >= eig.values()[j], "eigenvalues descend");
            }
        }
    }

    @Test
    void jacobiFindsKnownEigenvalues() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1.
        SymmetricEigen eig = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertEquals(3, eig.values()[0], 1e-14);
        assertEquals(1, eig.values()[1], 1e-14);
        assertEquals(Math.abs(eig.vectors()[0][0]), Math.abs(eig.vectors()[1][0]), 1e-14);
    }

    @Test
    void jacobiRejectsAsymmetricMatrix() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {0, 1}}));
    }

    @Test
    void sqrtSquaredIsTheMatrix() {
        for (int d : new int[] {1, 3, 12}) {
            double[][] s = randomSpd(d, 7 * d);
            double[][] r = MatrixSqrt.sqrtPsd(s);
            assertMatrixEquals(s, MatrixSqrt.multiply(r, r), 1e-9);
            assertMatrixEquals(r, transpose(r), 0); // exactly symmetric
            assertTrue(SymmetricEigen.of(r).values()[d - 1] >= 0, "root is PSD");
        }
    }

    @Test
    void sqrtOfSingularMatrixClampsRoundingNegatives() {
        // Rank 1: v vᵀ with v = (1, 2, 3); eigenvalues 14, 0, 0 (the zeros come out as ±rounding).
        double[] v = {1, 2, 3};
        double[][] s = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s[i][j] = v[i] * v[j];
            }
        }
        double[][] r = MatrixSqrt.sqrtPsd(s);
        assertMatrixEquals(s, MatrixSqrt.multiply(r, r), 1e-12);
        // The root of v vᵀ is v vᵀ / |v|.
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(v[i] * v[j] / Math.sqrt(14), r[i][j], 1e-7);
            }
        }
    }

    @Test
    void sqrtRejectsIndefiniteMatrix() {
        assertThrows(IllegalArgumentException.class, () -> MatrixSqrt.sqrtPsd(new double[][] {{1, 0}, {0, -1}}));
    }

    @Test
    void singularValuesOfKnownMatrix() {
        // [[3, 0], [4, 5]]: AᵀA = [[25, 20], [20, 25]], eigenvalues 45 and 5.
        double[] s = SingularValues.of(new double[][] {{3, 0}, {4, 5}});
        java.util.Arrays.sort(s);
        assertEquals(Math.sqrt(5), s[0], 1e-13);
        assertEquals(Math.sqrt(45), s[1], 1e-13);
    }

    @Test
    void nuclearNormOfSpdIsItsTrace() {
        double[][] s = randomSpd(12, 99);
        double trace = 0;
        for (int i = 0; i < 12; i++) {
            trace += s[i][i];
        }
        assertEquals(trace, SingularValues.nuclearNorm(s), 1e-10 * trace);
    }
}
