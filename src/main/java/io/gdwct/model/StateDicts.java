package io.gdwct.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.nn.GdwctBlock;
import io.gdwct.model.nn.NoGrad;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves weights between a block's parameters and a name → tensor map (a state_dict), checking
 * every name and shape.
 */
public final class StateDicts {

    /** Entries of official checkpoints that this model does not use (PyTorch bookkeeping). */
    private static boolean ignorable(String key) {
        return key.endsWith("num_batches_tracked");
    }

    private StateDicts() {}

    /**
     * Copies {@code tensors} into the block's (already initialised) parameters in place.
     *
     * @param what names the source in error messages, e.g. "G_A.pth"
     * @throws IllegalArgumentException naming the first missing, unexpected or mis-shaped tensor
     */
    public static void load(GdwctBlock block, Map<String, HostTensor> tensors, String what) {
        LinkedHashMap<String, Parameter> params = block.namedParameters();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            HostTensor t = tensors.get(e.getKey());
            if (t == null) {
                throw new IllegalArgumentException(what + ": missing tensor '" + e.getKey() + "' (expected shape "
                        + shape(e.getValue().getArray().getShape().getShape()) + ")");
            }
            long[] expected = e.getValue().getArray().getShape().getShape();
            if (!Arrays.equals(expected, t.shape())) {
                throw new IllegalArgumentException(what + ": tensor '" + e.getKey() + "' has shape " + shape(t.shape())
                        + " but the model config needs " + shape(expected));
            }
        }
        for (String key : tensors.keySet()) {
            if (!params.containsKey(key) && !ignorable(key)) {
                throw new IllegalArgumentException(what + ": unexpected tensor '" + key
                        + "' (not part of a generator with this config)");
            }
        }
        try (NoGrad ignored = new NoGrad()) {
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                NDArray a = e.getValue().getArray();
                float[] data = tensors.get(e.getKey()).data();
                if (a.getDataType() == DataType.FLOAT64) {
                    a.set(widen(data));
                } else {
                    a.set(data);
                }
            }
        }
    }

    private static double[] widen(float[] data) {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i];
        }
        return out;
    }

    /** The block's parameters as host tensors, official names, declaration order. */
    public static LinkedHashMap<String, HostTensor> export(GdwctBlock block) {
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : block.namedParameters().entrySet()) {
            NDArray a = e.getValue().getArray();
            out.put(e.getKey(), HostTensor.ofFloat32(a.getShape().getShape(), a.toFloatArray()));
        }
        return out;
    }

    private static String shape(long[] s) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) {
            b.append(i == 0 ? "" : ", ").append(s[i]);
        }
        return b.append(')').toString();
    }
}
