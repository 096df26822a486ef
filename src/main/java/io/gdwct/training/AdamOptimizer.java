package io.gdwct.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.gdwct.model.checkpoint.HostTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam exactly as {@code torch.optim.Adam} with {@code weight_decay} (L2 folded into the gradient,
 * not AdamW), which the official code uses for G and for D. Its moments are plain arrays that a
 * checkpoint saves and restores, so a resumed run continues the same trajectory.
 *
 * <p>Call {@link #step} with autograd off ({@link NoGrad}); it updates each parameter in place
 * and zeroes its gradient.
 */
public final class AdamOptimizer implements AutoCloseable {
    private final NDManager state;
    private final Map<String, Parameter> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final double eps = 1e-8;
    private long t;

    /** @param params the trainable parameters by unique name (e.g. "G_A.decoder...") */
    public AdamOptimizer(NDManager parent, Map<String, Parameter> params, double beta1, double beta2, double weightDecay) {
        this.state = parent.newSubManager();
        this.params = new LinkedHashMap<>(params);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        for (Map.Entry<String, Parameter> e : this.params.entrySet()) {
            NDArray p = e.getValue().getArray();
            m.put(e.getKey(), state.zeros(p.getShape(), p.getDataType()));
            v.put(e.getKey(), state.zeros(p.getShape(), p.getDataType()));
        }
    }

    public long steps() {
        return t;
    }

    /**
     * One update with learning rate {@code lr}; temporaries live in {@code scope}.
     * Parameters that received no gradient are left unchanged.
     */
    public void step(double lr, NDManager scope) {
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        // PyTorch: p -= lr/bc1 · m / (sqrt(v)/sqrt(bc2) + eps). DJL's fused native update computes
        // p -= c · m / (sqrt(v) + e); with c = lr·sqrt(bc2)/bc1 and e = eps·sqrt(bc2) it is the same
        // update, in one native call per parameter instead of a dozen (it also zeroes the gradient).
        // Its scalars are Java floats: β2 = 0.999f leaves 1 − β2 off by 1.3e-5, a harmless change of
        // Adam's time constant, but the one difference from torch.optim.Adam a float64 run shows
        // (TrainLoopFloat64ParityTest).
        float c = (float) (lr * bc2Sqrt / bc1);
        float e = (float) (eps * bc2Sqrt);
        for (Map.Entry<String, Parameter> entry : params.entrySet()) {
            NDArray param = entry.getValue().getArray();
            if (!param.hasGradient()) {
                continue;
            }
            NDArray grad = param.getGradient();
            grad.attach(scope);
            param.getNDArrayInternal().adamUpdate(
                    new NDList(param, grad, m.get(entry.getKey()), v.get(entry.getKey())), new NDList(param),
                    (float) lr, c, (float) weightDecay, 1f, -1f, (float) beta1, (float) beta2, e, false, false);
        }
    }

    /**
     * The name of the first parameter whose gradient holds a NaN or an infinity, or null when
     * every gradient is finite. One host read per call: each gradient is summed on the device
     * (a sum is non-finite exactly when an element is, barring overflow of finite values, which
     * would break the update just the same).
     */
    public String firstNonFiniteGradient(NDManager scope) {
        NDList sums = new NDList();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Parameter> entry : params.entrySet()) {
            NDArray param = entry.getValue().getArray();
            if (param.hasGradient()) {
                NDArray grad = param.getGradient();
                grad.attach(scope);
                sums.add(grad.sum().toType(DataType.FLOAT64, false).reshape(1));
                names.add(entry.getKey());
            }
        }
        if (sums.isEmpty()) {
            return null;
        }
        double[] values = NDArrays.concat(sums).toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return names.get(i);
            }
        }
        return null;
    }

    /** Zeroes the gradients of this optimizer's parameters, NaN and infinities included. */
    public void clearGradients(NDManager scope) {
        zeroGradients(params.values(), scope);
    }

    /**
     * Zeroes the gradients of every parameter that has one: set to 0, not {@code g − g}, which
     * keeps a NaN (and autograd adds the next backward onto what is left).
     */
    public static void zeroGradients(Iterable<Parameter> ps, NDManager scope) {
        for (Parameter p : ps) {
            NDArray a = p.getArray();
            if (a.hasGradient()) {
                NDArray g = a.getGradient();
                g.attach(scope);
                g.set(new NDIndex("..."), 0);
            }
        }
    }

    /** Moments as host tensors keyed "m.NAME" / "v.NAME", plus the step count. */
    public LinkedHashMap<String, HostTensor> exportState() {
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        for (String k : params.keySet()) {
            out.put("m." + k, host(m.get(k)));
            out.put("v." + k, host(v.get(k)));
        }
        return out;
    }

    public void importState(Map<String, HostTensor> tensors, long steps) {
        for (String k : params.keySet()) {
            copy(tensors, "m." + k, m.get(k));
            copy(tensors, "v." + k, v.get(k));
        }
        t = steps;
    }

    private static void copy(Map<String, HostTensor> tensors, String key, NDArray into) {
        HostTensor h = tensors.get(key);
        if (h == null) {
            throw new IllegalArgumentException("checkpoint lacks optimizer state '" + key + "'");
        }
        if (h.numel() != into.size()) {
            throw new IllegalArgumentException("optimizer state '" + key + "' has " + h.numel()
                    + " values, expected " + into.size());
        }
        into.set(h.data());
    }

    private static HostTensor host(NDArray a) {
        return HostTensor.ofFloat32(a.getShape().getShape(), a.toFloatArray());
    }

    @Override
    public void close() {
        state.close();
    }
}
