package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.PickleValues.longs;
import static io.gdwct.model.checkpoint.PickleValues.toLong;
import static io.gdwct.model.checkpoint.PickleValues.typeName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * The Python callables a torch.save pickle refers to, as the pickle library's constructors:
 * {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2} (and the older
 * {@code _rebuild_tensor}, and {@code _rebuild_parameter}), and the storage classes
 * {@code torch.FloatStorage} and kin, which only appear inside persistent ids.
 *
 * <p>The library keeps constructors in one static map, so they are registered once, from a class
 * initialiser (thread-safe), and are stateless: the per-file state lives in {@link TorchUnpickler}.
 */
final class TorchPickleConstructors {

    /** A storage class such as torch.FloatStorage; {@code type} is null for the ones we cannot convert. */
    record StorageKind(String name, ElementType type) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException("torch." + name + " is only supported inside a persistent id");
        }
    }

    static {
        Unpickler.registerConstructor("collections", "OrderedDict", TorchPickleConstructors::orderedDict);
        Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2", TorchPickleConstructors::rebuildTensor);
        Unpickler.registerConstructor("torch._utils", "_rebuild_tensor", TorchPickleConstructors::rebuildTensor);
        Unpickler.registerConstructor("torch._utils", "_rebuild_parameter", TorchPickleConstructors::rebuildParameter);
        Object[][] kinds = {
            {"FloatStorage", ElementType.FLOAT32}, {"DoubleStorage", ElementType.FLOAT64},
            {"HalfStorage", ElementType.FLOAT16}, {"BFloat16Storage", ElementType.BFLOAT16},
            {"LongStorage", ElementType.INT64}, {"IntStorage", ElementType.INT32},
            {"ShortStorage", ElementType.INT16}, {"CharStorage", ElementType.INT8},
            {"ByteStorage", ElementType.UINT8}, {"BoolStorage", ElementType.BOOL},
            {"ComplexFloatStorage", null}, {"ComplexDoubleStorage", null}, {"QInt8Storage", null},
            {"QUInt8Storage", null}, {"QInt32Storage", null}, {"QUInt4x2Storage", null}, {"QUInt2x4Storage", null},
        };
        for (Object[] k : kinds) {
            StorageKind kind = new StorageKind((String) k[0], (ElementType) k[1]);
            Unpickler.registerConstructor("torch", kind.name(), kind);
            // checkpoints saved on a GPU by old PyTorch name the CUDA storage class; we load to the heap
            Unpickler.registerConstructor("torch.cuda", kind.name(), kind);
        }
    }

    private TorchPickleConstructors() {
    }

    /** Runs the class initialiser; call before unpickling. */
    static void ensureRegistered() {
        // nothing to do: referencing the class has initialised it
    }

    private static Object orderedDict(Object[] args) {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (args.length == 1 && args[0] instanceof List<?> items) {
            // OrderedDict([(key, value), ...])
            for (Object item : items) {
                if (!(item instanceof Object[] pair) || pair.length != 2) {
                    throw new PickleException("OrderedDict item is not a (key, value) pair");
                }
                map.put(pair[0], pair[1]);
            }
        } else if (args.length != 0) {
            throw new PickleException("unexpected OrderedDict arguments");
        }
        return map;
    }

    /** _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata]) and the v1 form. */
    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4) {
            throw new PickleException("tensor rebuild call has " + args.length + " arguments, expected at least 4");
        }
        if (!(args[0] instanceof TorchStorage storage)) {
            throw new PickleException("tensor is built on a " + typeName(args[0]) + ", not on a storage");
        }
        return new TorchTensorRef(storage, toLong(args[1], "storage offset"),
                longs(args[2], "tensor size"), longs(args[3], "tensor stride"));
    }

    /** _rebuild_parameter(data, requires_grad, hooks): an nn.Parameter is just its tensor here. */
    private static Object rebuildParameter(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof TorchTensorRef tensor)) {
            throw new PickleException("parameter is not built on a tensor");
        }
        return tensor;
    }
}
