package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.TestFiles.assertFormatError;
import static io.gdwct.model.checkpoint.TestFiles.official;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    private static LinkedHashMap<String, HostTensor> sample() {
        LinkedHashMap<String, HostTensor> t = new LinkedHashMap<>();
        t.put("z.weight", HostTensor.ofFloat32(new long[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, -0f, 1e30f}));
        t.put("a.bias", HostTensor.ofFloat32(new long[] {1}, new float[] {0.25f}));
        t.put("scalar", HostTensor.ofFloat32(new long[] {}, new float[] {7}));
        t.put("empty", HostTensor.ofFloat32(new long[] {0, 4}, new float[0]));
        return t;
    }

    private Path file() {
        return dir.resolve("model.safetensors");
    }

    @Test
    void roundTripsTensorsInOrderWithMetadata() throws IOException {
        Map<String, String> meta = Map.of("format", "pt", "source", "GDWCT tiny G_A, ünïcode");
        SafetensorsWriter.write(file(), sample(), meta);
        SafetensorsFile read = SafetensorsReader.read(file());
        assertEquals(new ArrayList<>(sample().keySet()), new ArrayList<>(read.tensors().keySet()));
        assertEquals(sample(), read.tensors());
        assertEquals(meta, read.metadata());

        long headerLen = ByteBuffer.wrap(Files.readAllBytes(file()), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8, "header padded to a multiple of 8");
        assertEquals(8 + headerLen + 4 * 8, Files.size(file()));
    }

    @Test
    void roundTripsTheWholeTinyGenerator() throws IOException {
        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(official("tiny/G_A.pth"));
        SafetensorsWriter.write(file(), sd, Map.of());
        SafetensorsFile read = SafetensorsReader.read(file());
        assertEquals(new ArrayList<>(sd.keySet()), new ArrayList<>(read.tensors().keySet()));
        assertTrue(read.metadata().isEmpty());
        sd.forEach((name, t) -> {
            HostTensor r = read.tensors().get(name);
            assertEquals("float32", r.dtype(), "everything is stored as F32");
            assertArrayEquals(t.shape(), r.shape(), name);
            assertArrayEquals(t.data(), r.data(), name);
        });
    }

    @Test
    void atomicWriteReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Files.writeString(file(), "an older model");
        SafetensorsWriter.write(file(), sample(), Map.of("v", "2"));
        assertEquals(sample(), SafetensorsReader.read(file()).tensors());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file()), files.toList());
        }
    }

    @Test
    void failedWriteKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        SafetensorsWriter.write(file(), sample(), Map.of());
        byte[] before = Files.readAllBytes(file());
        LinkedHashMap<String, HostTensor> bad = sample();
        bad.put("__metadata__", HostTensor.ofFloat32(new long[] {1}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.write(file(), bad, Map.of()));

        // a directory in the way makes the final rename fail after the temporary file was written
        Path blocked = dir.resolve("blocked.safetensors");
        Files.createDirectories(blocked.resolve("child"));
        assertThrows(IOException.class, () -> SafetensorsWriter.write(blocked, sample(), Map.of()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(".tmp-")).toList());
        }
        assertArrayEquals(before, Files.readAllBytes(file()));
    }

    /** A file with a hand-written header and data section. */
    private Path handWritten(String json, byte[] data) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header).put(data);
        return Files.write(dir.resolve("hand.safetensors"), b.array());
    }

    @Test
    void readsOtherDtypes() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(2 + 2 + 8 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3800).putShort((short) 0x4040).putDouble(-0.75).putLong(1L << 40).putInt(-5);
        Path f = handWritten("{\"h\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[2,4]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[1,1],\"data_offsets\":[4,12]},"
                + "\"l\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[12,20]},"
                + "\"i\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[20,24]}}", data.array());
        SafetensorsFile read = SafetensorsReader.read(f);
        assertEquals(List.of("h", "b", "d", "l", "i"), new ArrayList<>(read.tensors().keySet()));
        assertEquals(0.5f, read.tensors().get("h").data()[0]);
        assertEquals("float16", read.tensors().get("h").dtype());
        assertEquals(3f, read.tensors().get("b").data()[0]);
        assertEquals(-0.75f, read.tensors().get("d").data()[0]);
        assertEquals((float) (1L << 40), read.tensors().get("l").data()[0]);
        assertEquals("int64", read.tensors().get("l").dtype());
        assertEquals(-5f, read.tensors().get("i").data()[0]);
    }

    @Test
    void truncatedFilesAreFormatErrors() throws IOException {
        SafetensorsWriter.write(file(), sample(), Map.of("k", "v"));
        byte[] whole = Files.readAllBytes(file());
        for (int length : new int[] {0, 5, 8, 9, 40, whole.length - 25, whole.length - 1}) {
            Path cut = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(whole, length));
            CheckpointFormatException e = assertFormatError(cut, () -> SafetensorsReader.read(cut));
            assertTrue(e.getMessage().startsWith(cut + " is not a valid safetensors file: "), e.getMessage());
        }
    }

    @Test
    void corruptHeadersAreFormatErrors() throws IOException {
        byte[] eight = new byte[8];
        String[] headers = {
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,16]}}",   // past the end
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}",    // shape does not fit
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}",    // begin after end
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}",
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}",
            "{\"w\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}",
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}",
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
            "{\"__metadata__\":{\"k\":1}}",
            "[1, 2]",
            "{not json",
            "{} trailing",
        };
        for (String h : headers) {
            Path f = handWritten(h, eight);
            assertFormatError(f, () -> SafetensorsReader.read(f));
        }
        Path past = handWritten(headers[0], eight);
        assertTrue(assertFormatError(past, () -> SafetensorsReader.read(past)).getMessage().contains("outside the data section"));

        // a header length beyond the file, and one beyond the 100 MB limit
        for (long claimed : new long[] {1000, 200L * 1024 * 1024, -1}) {
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(claimed).put("{}      ".getBytes(StandardCharsets.US_ASCII));
            Path f = Files.write(dir.resolve("len.safetensors"), b.array());
            assertTrue(assertFormatError(f, () -> SafetensorsReader.read(f)).getMessage().contains("out of bounds"));
        }
    }
}
