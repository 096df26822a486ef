package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.PickleBuilder.floatsLE;
import static io.gdwct.model.checkpoint.PickleBuilder.longsLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-built checkpoints for what the fixtures do not exercise: offsets into shared storages,
 * non-contiguous strides, every storage dtype, nn.Parameter entries, legacy storage views.
 */
class TorchCheckpointSyntheticTest {

    @TempDir
    Path dir;

    private Path zip(byte[] pkl, Map<String, byte[]> storages) throws IOException {
        Path file = dir.resolve("synthetic.pth");
        try (OutputStream out = Files.newOutputStream(file)) {
            PickleBuilder.writeZip(out, pkl, storages);
        }
        return file;
    }

    @Test
    void honoursOffsetsAndNonContiguousStrides() throws IOException {
        // storage '0' = 0..11; 'w' is a 3x4 view of it, 't' is its transpose (4x3, strides (1, 4)),
        // 'tail' is the 1-D slice [6, 12) (offset 6), 'col' is column 1 of w (shape (3), stride 4, offset 1)
        byte[] pkl = new PickleBuilder().orderedDict().mark()
                .str("w").tensor("FloatStorage", "0", 12, 0, new long[] {3, 4}, new long[] {4, 1})
                .str("t").tensor("FloatStorage", "0", 12, 0, new long[] {4, 3}, new long[] {1, 4})
                .str("tail").tensor("FloatStorage", "0", 12, 6, new long[] {6}, new long[] {1})
                .str("col").tensor("FloatStorage", "0", 12, 1, new long[] {3}, new long[] {4})
                .str("bcast").tensor("FloatStorage", "0", 12, 2, new long[] {2, 3}, new long[] {0, 1})
                .raw('u').stop();
        float[] seq = new float[12];
        for (int i = 0; i < 12; i++) {
            seq[i] = i;
        }
        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(zip(pkl, Map.of("0", floatsLE(seq))));

        assertEquals(List.of("w", "t", "tail", "col", "bcast"), new ArrayList<>(sd.keySet()));
        assertArrayEquals(seq, sd.get("w").data());
        assertEquals("(4, 3)", sd.get("t").shapeString());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, sd.get("t").data());
        assertArrayEquals(new float[] {6, 7, 8, 9, 10, 11}, sd.get("tail").data());
        assertArrayEquals(new float[] {1, 5, 9}, sd.get("col").data());
        assertArrayEquals(new float[] {2, 3, 4, 2, 3, 4}, sd.get("bcast").data());
    }

    @Test
    void convertsEveryStorageDtypeToFloat() throws IOException {
        ByteBuffer half = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x0001).putShort((short) 0x7c00);
        ByteBuffer bf16 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3f80).putShort((short) 0xc0a0);
        ByteBuffer f64 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-2.5);
        ByteBuffer i32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-7).putInt(1 << 20);
        Map<String, byte[]> storages = new LinkedHashMap<>();
        storages.put("h", half.array());
        storages.put("b", bf16.array());
        storages.put("d", f64.array());
        storages.put("l", longsLE(42, -3));
        storages.put("i", i32.array());
        storages.put("u", new byte[] {(byte) 255, 1});
        storages.put("c", new byte[] {(byte) -128, 5});
        storages.put("z", new byte[] {0, 1});
        byte[] pkl = new PickleBuilder().orderedDict().mark()
                .str("half").tensor("HalfStorage", "h", 4, 0, new long[] {4}, new long[] {1})
                .str("bf16").tensor("BFloat16Storage", "b", 2, 0, new long[] {2}, new long[] {1})
                .str("f64").tensor("DoubleStorage", "d", 2, 0, new long[] {2}, new long[] {1})
                .str("i64").tensor("LongStorage", "l", 2, 0, new long[] {2}, new long[] {1})
                .str("i32").tensor("IntStorage", "i", 2, 0, new long[] {2}, new long[] {1})
                .str("u8").tensor("ByteStorage", "u", 2, 0, new long[] {2}, new long[] {1})
                .str("i8").tensor("CharStorage", "c", 2, 0, new long[] {2}, new long[] {1})
                .str("bool").tensor("BoolStorage", "z", 2, 0, new long[] {2}, new long[] {1})
                .raw('u').stop();
        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(zip(pkl, storages));

        assertTensor(sd.get("half"), "float16", 1f, -2f, 0x1p-24f, Float.POSITIVE_INFINITY);
        assertTensor(sd.get("bf16"), "bfloat16", 1f, -5f);
        assertTensor(sd.get("f64"), "float64", 0.1f, -2.5f);
        assertTensor(sd.get("i64"), "int64", 42f, -3f);
        assertTensor(sd.get("i32"), "int32", -7f, 1 << 20);
        assertTensor(sd.get("u8"), "uint8", 255f, 1f);
        assertTensor(sd.get("i8"), "int8", -128f, 5f);
        assertTensor(sd.get("bool"), "bool", 0f, 1f);
    }

    private static void assertTensor(HostTensor t, String dtype, float... values) {
        assertEquals(dtype, t.dtype());
        assertArrayEquals(values, t.data());
    }

    @Test
    void readsParametersAndPlainDictsInFileOrder() throws IOException {
        PickleBuilder b = new PickleBuilder().raw('}').mark(); // a plain dict, not an OrderedDict
        for (String key : new String[] {"z", "a", "m"}) {
            b.str(key).global("torch._utils", "_rebuild_parameter").mark()
                    .tensor("FloatStorage", key, 1, 0, new long[] {}, new long[] {})
                    .raw(0x88).orderedDict().raw('t', 'R'); // (tensor, True, OrderedDict())
        }
        Map<String, byte[]> storages = Map.of("z", floatsLE(1), "a", floatsLE(2), "m", floatsLE(3));
        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(zip(b.raw('u').stop(), storages));
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(sd.keySet()));
        assertEquals(3f, sd.get("m").data()[0]);
        assertEquals("()", sd.get("m").shapeString());
    }

    /** The legacy stream: magic, protocol, sys info, main pickle, key list, then count + bytes per storage. */
    static byte[] legacy(byte[] mainPickle, List<String> keys, List<byte[]> storageBytes, List<Long> counts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // LONG1 of 10 bytes: the magic number 0x1950a86a20f9469cfc6c, little-endian
        out.writeBytes(new PickleBuilder().raw(0x8a, 10, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19).stop());
        out.writeBytes(new PickleBuilder().integer(1001).stop());
        out.writeBytes(new PickleBuilder().raw('}').str("little_endian").raw(0x88, 's').stop());
        out.writeBytes(mainPickle);
        PickleBuilder list = new PickleBuilder().raw(']').mark();
        keys.forEach(list::str);
        out.writeBytes(list.raw('e').stop());
        for (int i = 0; i < storageBytes.size(); i++) {
            out.writeBytes(longsLE(counts.get(i)));
            out.writeBytes(storageBytes.get(i));
        }
        return out.toByteArray();
    }

    @Test
    void legacyStorageViewsReadTheirSliceOfTheRoot() throws IOException {
        // ('storage', FloatStorage, 'root', 'cpu', 6, ('view', 2, 3)): elements 2..4 of the root
        byte[] main = new PickleBuilder().orderedDict().mark()
                .str("whole").tensor("FloatStorage", "root", 6, 0, new long[] {2, 3}, new long[] {3, 1})
                .str("view").global("torch._utils", "_rebuild_tensor_v2").mark()
                .mark().str("storage").global("torch", "FloatStorage").str("root").str("cpu").integer(6)
                .mark().str("view").integer(2).integer(3).raw('t').raw('t', 'Q')
                .integer(1).intTuple(2).intTuple(1).raw(0x89).orderedDict().raw('t', 'R')
                .raw('u').stop();
        Path file = dir.resolve("legacy.pth");
        Files.write(file, legacy(main, List.of("root"), List.of(floatsLE(0, 1, 2, 3, 4, 5)), List.of(6L)));

        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(file);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, sd.get("whole").data());
        assertArrayEquals(new float[] {3, 4}, sd.get("view").data()); // view [2, 5), offset 1, two elements
    }
}
