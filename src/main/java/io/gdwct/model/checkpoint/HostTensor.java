package io.gdwct.model.checkpoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor held on the Java heap: a shape and its values as float32, row-major (C order, the last
 * index varies fastest).
 *
 * <p>{@code dtype} records the element type the tensor had where it was read from ("float32",
 * "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool"); the values
 * themselves are always converted to float, because every consumer of checkpoints here (model
 * weights, parity fixtures) computes in float32. Integers above 2^24 lose precision, which no
 * weight or counter in a GDWCT state_dict reaches.
 *
 * <p>The arrays are shared, not copied: tensors of a model reach hundreds of megabytes, so neither
 * the constructor nor the accessors copy them. Callers must not mutate an array they handed over or
 * received unless they own the tensor. {@link #equals} compares contents bit for bit.
 */
public record HostTensor(String dtype, long[] shape, float[] data) {

    public HostTensor {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long n = numelOrMinusOne(shape, Integer.MAX_VALUE);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + format(shape) + (n < 0 ? " is invalid" : " holds " + n
                    + " elements") + " but data has " + data.length);
        }
    }

    /** A float32 tensor. */
    public static HostTensor ofFloat32(long[] shape, float[] data) {
        return new HostTensor("float32", shape, data);
    }

    /** Number of elements: the product of the shape (1 for a scalar of shape ()). */
    public long numel() {
        return data.length;
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The shape as ints, for APIs that index with int (every dimension fits, data.length does). */
    public int[] intShape() {
        int[] s = new int[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (int) shape[i];
        }
        return s;
    }

    /** The shape as "(8, 3, 7, 7)"; a 1-D shape is written "(64)" (no Python trailing comma), a scalar "()". */
    public String shapeString() {
        return format(shape);
    }

    /**
     * The product of a shape read from a file, or -1 if a dimension is negative or the product
     * exceeds {@code max} (checked without overflow, so a corrupt shape cannot wrap around).
     */
    static long numelOrMinusOne(long[] shape, long max) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            if (d == 0) {
                return 0;
            }
        }
        for (long d : shape) {
            if (n > max / d) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    static String format(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HostTensor t)) {
            return false;
        }
        // Arrays.equals on float[] compares bit patterns (floatToIntBits), so NaNs compare equal.
        return dtype.equals(t.dtype) && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    /** Dtype and shape only: printing the values of a weight tensor would flood any log. */
    @Override
    public String toString() {
        return "HostTensor[" + dtype + " " + shapeString() + "]";
    }
}
