package io.gdwct.model.checkpoint;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Typed access to unpickled values (ints, strs and tuples of ints as the pickle library returns
 * them), failing with a {@link PickleException} that says what was found instead, and the Python
 * type names used in error messages.
 */
final class PickleValues {

    private PickleValues() {
    }

    static String string(Object o, String what) {
        if (!(o instanceof String s)) {
            throw new PickleException(what + " is a " + typeName(o) + ", not a str");
        }
        return s;
    }

    /** A Python int; the library returns Integer, Long or BigInteger depending on the opcode. */
    static long toLong(Object o, String what) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw new PickleException(what + " is a " + typeName(o) + ", not an int");
    }

    /** A tuple of ints (a tensor's size or stride). */
    static long[] longs(Object o, String what) {
        if (!(o instanceof Object[] items)) {
            throw new PickleException(what + " is a " + typeName(o) + ", not a tuple");
        }
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = toLong(items[i], what + " element");
        }
        return out;
    }

    /** The Python type an unpickled object stands for. */
    static String typeName(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof ClassDict c) {
            return c.getClassName() + " object";
        }
        if (o instanceof TorchTensorRef) {
            return "tensor";
        }
        if (o instanceof TorchStorage) {
            return "storage";
        }
        if (o instanceof Map) {
            return "dict";
        }
        if (o instanceof List) {
            return "list";
        }
        if (o instanceof Object[]) {
            return "tuple";
        }
        if (o instanceof String) {
            return "str";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (o instanceof Integer || o instanceof Long || o instanceof BigInteger) {
            return "int";
        }
        if (o instanceof Double) {
            return "float";
        }
        if (o instanceof byte[]) {
            return "bytes";
        }
        return o.getClass().getSimpleName();
    }
}
