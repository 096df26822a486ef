package io.gdwct.model.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a safetensors file (the Hugging Face layout, which is also our own weights format, see
 * {@link SafetensorsWriter}): an 8-byte little-endian header length N, N bytes of UTF-8 JSON
 * {@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {..}}}, then the data, each tensor's row-major little-endian elements at
 * {@code [begin, end)} counted from the end of the header.
 *
 * <p>F32, F64, F16, BF16, I64, I32, I16, I8, U8 and BOOL are read and converted to float. The
 * header length, every offset and every shape are checked against the file before any data is
 * allocated; a file that fails a check raises {@link CheckpointFormatException}.
 */
public final class SafetensorsReader {

    /** Headers of real models are tens of kilobytes; a larger claim means a corrupt length. */
    static final long MAX_HEADER = 100L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SafetensorsReader() {
    }

    /** A tensor entry of the header, validated against the data section. */
    private record Entry(String name, ElementType type, long[] shape, long begin, int numel) {
    }

    public static SafetensorsFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            if (fileSize < 8) {
                throw bad(file, "it is " + fileSize + " bytes long, shorter than the 8-byte header length");
            }
            long headerLen = readFully(ch, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLen < 2 || headerLen > MAX_HEADER || headerLen > fileSize - 8) {
                throw bad(file, "header length " + Long.toUnsignedString(headerLen) + " is out of bounds (file size "
                        + fileSize + ", limit " + MAX_HEADER + ")");
            }
            JsonNode root;
            try {
                root = JSON.readTree(readFully(ch, 8, (int) headerLen).array());
            } catch (JsonProcessingException e) {
                throw bad(file, "the header is not valid JSON: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw bad(file, "the header is not a JSON object");
            }
            long dataStart = 8 + headerLen;
            Map<String, String> metadata = new LinkedHashMap<>();
            LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("__metadata__")) {
                    readMetadata(file, field.getValue(), metadata);
                } else {
                    entries.put(field.getKey(), entry(file, field.getKey(), field.getValue(), fileSize - dataStart));
                }
            }
            LinkedHashMap<String, HostTensor> tensors = new LinkedHashMap<>();
            for (Entry e : entries.values()) {
                ch.position(dataStart + e.begin());
                // The channel stream is not closed here: closing it would close the channel.
                float[] data = e.type().read(Channels.newInputStream(ch), e.numel());
                tensors.put(e.name(), new HostTensor(e.type().dtypeName, e.shape(), data));
            }
            return new SafetensorsFile(tensors, metadata);
        }
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> out) throws CheckpointFormatException {
        if (!node.isObject()) {
            throw bad(file, "__metadata__ is not a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual()) {
                throw bad(file, "__metadata__ value of '" + f.getKey() + "' is not a string");
            }
            out.put(f.getKey(), f.getValue().textValue());
        }
    }

    private static Entry entry(Path file, String name, JsonNode node, long dataSize) throws CheckpointFormatException {
        JsonNode dtype = node.get("dtype");
        JsonNode shapeNode = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (!node.isObject() || dtype == null || !dtype.isTextual() || shapeNode == null || !shapeNode.isArray()
                || offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw bad(file, "tensor '" + name + "' lacks a valid dtype, shape or data_offsets");
        }
        ElementType type = elementType(file, name, dtype.textValue());
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = nonNegativeLong(file, name, shapeNode.get(i));
        }
        long begin = nonNegativeLong(file, name, offsets.get(0));
        long end = nonNegativeLong(file, name, offsets.get(1));
        if (begin > end || end > dataSize) {
            throw bad(file, "tensor '" + name + "' has data_offsets [" + begin + ", " + end
                    + "] outside the data section of " + dataSize + " bytes (truncated or corrupt)");
        }
        long numel = HostTensor.numelOrMinusOne(shape, TorchStorage.MAX_ELEMENTS);
        if (numel < 0 || numel * type.size != end - begin) {
            throw bad(file, "tensor '" + name + "' of shape " + HostTensor.format(shape) + " and dtype "
                    + dtype.textValue() + " does not fit its " + (end - begin) + " bytes");
        }
        return new Entry(name, type, shape, begin, (int) numel);
    }

    private static long nonNegativeLong(Path file, String name, JsonNode n) throws CheckpointFormatException {
        if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToLong() || n.asLong() < 0) {
            throw bad(file, "tensor '" + name + "' has a shape or offset that is not a non-negative integer");
        }
        return n.asLong();
    }

    private static ElementType elementType(Path file, String name, String dtype) throws CheckpointFormatException {
        return switch (dtype) {
            case "F32" -> ElementType.FLOAT32;
            case "F64" -> ElementType.FLOAT64;
            case "F16" -> ElementType.FLOAT16;
            case "BF16" -> ElementType.BFLOAT16;
            case "I64" -> ElementType.INT64;
            case "I32" -> ElementType.INT32;
            case "I16" -> ElementType.INT16;
            case "I8" -> ElementType.INT8;
            case "U8" -> ElementType.UINT8;
            case "BOOL" -> ElementType.BOOL;
            default -> throw bad(file, "tensor '" + name + "' has unsupported dtype " + dtype);
        };
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new EOFException("unexpected end of file");
            }
        }
        return buf.flip();
    }

    static CheckpointFormatException bad(Path file, String reason) {
        return new CheckpointFormatException(file + " is not a valid safetensors file: " + reason);
    }
}
