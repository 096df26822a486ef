package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.PickleValues.string;
import static io.gdwct.model.checkpoint.PickleValues.toLong;
import static io.gdwct.model.checkpoint.PickleValues.typeName;

import io.gdwct.model.checkpoint.TorchPickleConstructors.StorageKind;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Unpickles the pickles inside a {@code torch.save} file. Tensors become {@link TorchTensorRef}s
 * over {@link TorchStorage}s named by persistent ids {@code ('storage', storage_type, key,
 * location, numel[, view_metadata])}; the storages collected here are read afterwards by the format.
 *
 * <p>Nothing is executed: only the callables of {@link TorchPickleConstructors} are recognised, any
 * other global becomes an inert {@code ClassDict}. Three opcodes are handled here rather than by the
 * library: dicts are LinkedHashMaps filled in file order (the library's {@code EMPTY_DICT} and
 * {@code SETITEMS} go through a HashMap, which would scramble a state_dict's key order), and
 * {@code BUILD} state is dropped: the only state in a state_dict is the OrderedDict's
 * {@code _metadata} (module versions), which nothing here needs.
 */
final class TorchUnpickler extends Unpickler {

    static {
        TorchPickleConstructors.ensureRegistered();
    }

    private final PickleInput source;
    private final Map<String, TorchStorage> roots;
    private final Map<String, TorchStorage> views = new LinkedHashMap<>();

    /** Storages are recorded into {@code roots} (key → root storage), in the order first named. */
    TorchUnpickler(PickleInput source, Map<String, TorchStorage> roots) {
        this.source = source;
        this.roots = roots;
    }

    /** Unpickles the next pickle of the source. */
    Object loadNext() throws IOException {
        return load(source);
    }

    @Override
    protected Object dispatch(short opcode) throws IOException {
        switch (opcode) {
            case Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.LONG4 -> checkLength(opcode, 4);
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8, Opcodes.FRAME -> checkLength(opcode, 8);
            case Opcodes.EMPTY_DICT -> {
                stack.add(new LinkedHashMap<Object, Object>());
                return NO_RETURN_VALUE;
            }
            case Opcodes.DICT -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(stack.pop_all_since_marker(), dict);
                stack.add(dict);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                if (!(stack.peek() instanceof Map<?, ?> target)) {
                    throw new PickleException("SETITEMS on a " + typeName(stack.peek()) + ", not a dict");
                }
                @SuppressWarnings("unchecked")
                Map<Object, Object> dict = (Map<Object, Object>) target;
                putPairs(items, dict);
                return NO_RETURN_VALUE;
            }
            case Opcodes.BUILD -> {
                stack.pop();
                stack.peek(); // fails on an empty stack, as a BUILD without an object must
                return NO_RETURN_VALUE;
            }
            default -> {
            }
        }
        return super.dispatch(opcode);
    }

    private static void putPairs(List<Object> items, Map<Object, Object> dict) {
        if (items.size() % 2 != 0) {
            throw new PickleException("odd number of items for a dict");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(items.get(i), items.get(i + 1));
        }
    }

    /** Refuses a length prefix larger than what is left, before the library allocates for it. */
    private void checkLength(short opcode, int lengthBytes) throws IOException {
        long claimed = source.peekLittleEndian(lengthBytes);
        long left = source.remaining() - lengthBytes;
        if (claimed < 0 || claimed > left) {
            throw new PickleException("pickle opcode 0x" + Integer.toHexString(opcode) + " at byte "
                    + (source.position() - 1) + " claims " + (claimed < 0 ? "more" : claimed) + " bytes but only "
                    + Math.max(left, 0) + " remain (truncated or corrupt)");
        }
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] t) || t.length < 5 || !"storage".equals(t[0])) {
            throw new PickleException("unexpected persistent id (" + typeName(pid) + "), expected ('storage', ...)");
        }
        if (!(t[1] instanceof StorageKind kind)) {
            throw new PickleException("persistent id names an unknown storage type (" + typeName(t[1]) + ")");
        }
        if (kind.type() == null) {
            throw new PickleException("storage type torch." + kind.name() + " is not supported");
        }
        String key = string(t[2], "storage key");
        long numel = toLong(t[4], "storage size");
        TorchStorage root = roots.get(key);
        if (root == null) {
            root = new TorchStorage(key, kind.type(), numel);
            roots.put(key, root);
        } else if (root.type != kind.type() || root.numel != numel) {
            throw new PickleException("storage '" + key + "' is named with two different types or sizes");
        }
        if (t.length > 5 && t[5] != null) {
            // legacy view_metadata: (view_key, offset, view_size), a slice of the root storage
            if (!(t[5] instanceof Object[] v) || v.length != 3) {
                throw new PickleException("malformed storage view metadata for storage '" + key + "'");
            }
            TorchStorage base = root;
            String viewKey = string(v[0], "storage view key");
            long offset = toLong(v[1], "storage view offset");
            long size = toLong(v[2], "storage view size");
            return views.computeIfAbsent(viewKey, k -> base.view(k, offset, size));
        }
        return root;
    }
}
