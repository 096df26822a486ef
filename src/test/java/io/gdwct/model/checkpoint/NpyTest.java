package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.TestFiles.assertFormatError;
import static io.gdwct.model.checkpoint.TestFiles.official;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFixtureInputs() throws IOException {
        HostTensor x = NpyReader.read(official("tiny/x_A.npy"));
        assertArrayEquals(new long[] {2, 3, 64, 64}, x.shape());
        assertEquals("float32", x.dtype());
        for (float v : x.data()) {
            assertTrue(v >= -1f && v <= 1f, "value out of [-1, 1]: " + v);
        }
        assertEquals(0.13890445f, x.data()[0]); // np.load(...).ravel()[0]
        assertEquals("(2, 3, 72, 104)", NpyReader.read(official("tiny-nonsquare/x_B.npy")).shapeString());
        assertEquals("(1, 32, 1, 1)", NpyReader.read(official("tiny/eval0_s_B.npy")).shapeString());
        assertEquals("(4, 8, 8)", NpyReader.read(official("tiny/eval1_cov0_AB.npy")).shapeString());
    }

    @Test
    void writerReproducesNumpysBytesExactly() throws IOException {
        Path original = official("tiny/x_A.npy");
        Path copy = dir.resolve("x_A.npy");
        NpyWriter.write(copy, NpyReader.read(original));
        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy));
    }

    @Test
    void roundTripsEveryRank() throws IOException {
        for (long[] shape : new long[][] {{}, {5}, {2, 3}, {1, 2, 3, 4}, {0, 3}}) {
            int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            float[] data = new float[n];
            for (int i = 0; i < n; i++) {
                data[i] = (float) Math.sin(i) * 3;
            }
            HostTensor t = HostTensor.ofFloat32(shape, data);
            Path file = dir.resolve("t.npy");
            NpyWriter.write(file, t);
            assertEquals(t, NpyReader.read(file));
            assertEquals(0, Files.size(file) - 4L * n & 63, "data starts on a 64-byte boundary");
        }
    }

    @Test
    void readsSeveralArraysFromOneStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostTensor a = HostTensor.ofFloat32(new long[] {2}, new float[] {1, 2});
        HostTensor b = HostTensor.ofFloat32(new long[] {1, 1}, new float[] {-3});
        NpyWriter.write(out, a);
        NpyWriter.write(out, b);
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(a, NpyReader.read(in));
        assertEquals(b, NpyReader.read(in));
    }

    /** An .npy of the given version, descr and shape literal with raw data. */
    private static byte[] npy(int major, String dict, byte[] data) {
        byte[] header = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length);
        } else {
            b.putInt(header.length);
        }
        b.put(header).put(data);
        return Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void readsOtherDtypesAndVersions() throws IOException {
        ByteBuffer f8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.5).putDouble(-1e10);
        HostTensor d = NpyReader.read(new ByteArrayInputStream(
                npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", f8.array())));
        assertEquals("float64", d.dtype());
        assertArrayEquals(new float[] {0.5f, -1e10f}, d.data());

        ByteBuffer i8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-9);
        HostTensor l = NpyReader.read(new ByteArrayInputStream(
                npy(3, "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 2), }", i8.array())));
        assertEquals("int64", l.dtype());
        assertArrayEquals(new float[] {7, -9}, l.data());

        ByteBuffer i4 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(-123);
        HostTensor i = NpyReader.read(new ByteArrayInputStream(
                npy(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (), }", i4.array())));
        assertEquals("int32", i.dtype());
        assertEquals(-123f, i.data()[0]);
    }

    @Test
    void rejectsWhatItCannotRead() throws IOException {
        byte[] four = new byte[16];
        Stream.of(
                npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", four),
                npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }", four),
                npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (2, 2), }", four),
                npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", four),  // data too short
                npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 2), }", four),
                npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000, 100000), }", four),
                npy(1, "{'descr': '<f4', 'shape': (2, 2), }", four),
                npy(7, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", four),
                "not an npy file".getBytes(StandardCharsets.US_ASCII),
                new byte[0]
        ).forEach(bytes -> {
            try {
                Path file = Files.write(dir.resolve("bad.npy"), bytes);
                CheckpointFormatException e = assertFormatError(file, () -> NpyReader.read(file));
                assertTrue(e.getMessage().startsWith(file + " is not a valid .npy file: "), e.getMessage());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        Path fortran = Files.write(dir.resolve("f.npy"),
                npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", four));
        assertTrue(assertFormatError(fortran, () -> NpyReader.read(fortran)).getMessage().contains("Fortran"));
    }
}
