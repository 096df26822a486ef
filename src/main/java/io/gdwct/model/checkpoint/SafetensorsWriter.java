package io.gdwct.model.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdwct.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes tensors as a safetensors file, our model weights format (the Hugging Face layout): an
 * 8-byte little-endian header length N, N bytes of UTF-8 JSON ({@code __metadata__} first, then
 * each tensor's {@code dtype}, {@code shape} and {@code data_offsets} in map order) padded with
 * spaces to a multiple of 8, then each tensor's elements, row-major, little-endian, back to back.
 * Tensors whose recorded dtype is {@code bfloat16} are written as BF16 (rounded to nearest even);
 * every other tensor as F32.
 *
 * <p>The write is atomic and durable ({@link AtomicFiles.Durability#DURABLE}): a crash or a full disk
 * never leaves a half-written model where a good one was. Tensors are streamed through a small
 * buffer, never assembled into one array the size of the file.
 */
public final class SafetensorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER_BYTES = 1 << 20;

    private SafetensorsWriter() {
    }

    public static void write(Path file, LinkedHashMap<String, HostTensor> tensors, Map<String, String> metadata)
            throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.writeChannel(file, ch -> {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buf.putLong(header.length);
            writeFully(ch, buf.flip());
            writeFully(ch, ByteBuffer.wrap(header));
            for (HostTensor t : tensors.values()) {
                if (isBf16(t)) {
                    writeBf16(ch, buf, t.data());
                } else {
                    writeFloats(ch, buf, t.data());
                }
            }
        }, AtomicFiles.Durability.DURABLE);
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes so that the data is 8-aligned. */
    static byte[] header(LinkedHashMap<String, HostTensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = root.putObject("__metadata__");
            metadata.forEach((k, v) -> meta.put(requireText(k, "metadata key"), requireText(v, "metadata value")));
        }
        long offset = 0;
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            String name = requireText(e.getKey(), "tensor name");
            if (name.equals("__metadata__")) {
                throw new IllegalArgumentException("a tensor cannot be named __metadata__");
            }
            ObjectNode entry = root.putObject(name);
            boolean bf16 = isBf16(e.getValue());
            entry.put("dtype", bf16 ? "BF16" : "F32");
            ArrayNode shape = entry.putArray("shape");
            Arrays.stream(e.getValue().shape()).forEach(shape::add);
            long end = offset + (bf16 ? 2L : 4L) * e.getValue().numel();
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = JSON.writeValueAsBytes(root);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    private static void writeFloats(FileChannel ch, ByteBuffer buf, float[] data) throws IOException {
        int perChunk = buf.capacity() / 4;
        for (int i = 0; i < data.length; i += perChunk) {
            int n = Math.min(perChunk, data.length - i);
            buf.clear();
            buf.asFloatBuffer().put(data, i, n);
            buf.limit(n * 4);
            writeFully(ch, buf);
        }
    }

    private static boolean isBf16(HostTensor t) {
        return "bfloat16".equals(t.dtype());
    }

    /** The upper 16 bits of each float, rounded to nearest even (NaN stays NaN). */
    private static void writeBf16(FileChannel ch, ByteBuffer buf, float[] data) throws IOException {
        int perChunk = buf.capacity() / 2;
        for (int i = 0; i < data.length; i += perChunk) {
            int n = Math.min(perChunk, data.length - i);
            buf.clear();
            for (int j = 0; j < n; j++) {
                int bits = Float.floatToRawIntBits(data[i + j]);
                int rounded = Float.isNaN(data[i + j]) ? (bits | 0x00400000) : bits + 0x7FFF + ((bits >>> 16) & 1);
                buf.putShort((short) (rounded >>> 16));
            }
            buf.flip();
            writeFully(ch, buf);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static String requireText(String s, String what) {
        if (s == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return s;
    }
}
