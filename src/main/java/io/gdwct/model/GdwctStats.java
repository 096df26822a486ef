package io.gdwct.model;

import ai.djl.ndarray.NDArray;
import io.gdwct.model.nn.Decoder;

/**
 * How well a trained model does what GDWCT's regularisers ask of it, from one decoder call made
 * with statistics requested.
 */
public final class GdwctStats {
    private GdwctStats() {}

    /** Whitening error: mean |Σ − I| over every module's group covariances (reference §2.3). */
    public static double whiteningError(Decoder.Output out) {
        double sum = 0;
        for (NDArray cov : out.covariances()) {
            sum += deviationFromIdentity(cov);
        }
        return sum / out.covariances().size();
    }

    /** Coloring orthogonality: mean |UᵀU − I| over every module's bases U. */
    public static double coloringOrthogonality(Decoder.Output out) {
        double sum = 0;
        for (NDArray u : out.coloringBases()) {
            int rank = u.getShape().dimension();
            int[] axes = new int[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
            axes[rank - 1] = rank - 2;
            axes[rank - 2] = rank - 1;
            sum += deviationFromIdentity(u.transpose(axes).matMul(u));
        }
        return sum / out.coloringBases().size();
    }

    /** Mean |X − I| of a stack of square matrices (..., n, n). */
    static double deviationFromIdentity(NDArray x) {
        long n = x.getShape().get(x.getShape().dimension() - 1);
        return x.sub(x.getManager().eye((int) n)).abs().mean().getFloat();
    }
}
