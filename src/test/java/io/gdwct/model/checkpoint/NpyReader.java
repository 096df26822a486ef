package io.gdwct.model.checkpoint;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a NumPy {@code .npy} array (format versions 1.0, 2.0 and 3.0) into a float32
 * {@link HostTensor}.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, major and minor version bytes, the header length
 * (2 bytes little-endian in v1, 4 bytes in v2/v3), a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 64, 64), }} padded with spaces
 * and a newline, then the elements. Little-endian {@code <f4 <f8 <f2 <i8 <i4 <i2}, and the one-byte
 * {@code |i1 |u1 |b1}, are accepted, in C (row-major) order only: a Fortran-ordered array is
 * rejected rather than silently transposed.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    // Real headers are ~128 bytes; the cap stops a corrupt length from allocating gigabytes.
    private static final int MAX_HEADER = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    public static HostTensor read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        }
    }

    /** Reads one array from the stream, which is left just after its data (and not closed). */
    public static HostTensor read(InputStream in) throws IOException {
        return read(in, "<stream>");
    }

    private static HostTensor read(InputStream in, String name) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8 || !startsWithMagic(pre)) {
            throw bad(name, "it does not start with the magic \\x93NUMPY");
        }
        int major = pre[6];
        if (major < 1 || major > 3) {
            throw bad(name, "unsupported format version " + major + "." + pre[7]);
        }
        byte[] len = in.readNBytes(major == 1 ? 2 : 4);
        long headerLen = 0;
        for (int i = 0; i < len.length; i++) {
            headerLen |= (long) (len[i] & 0xff) << (8 * i);
        }
        if (len.length < (major == 1 ? 2 : 4) || headerLen > MAX_HEADER) {
            throw bad(name, "invalid header length");
        }
        byte[] headerBytes = in.readNBytes((int) headerLen);
        if (headerBytes.length < headerLen) {
            throw bad(name, "the header is cut short");
        }
        // v3 allows UTF-8 in the header (field names); v1/v2 are latin-1
        String header = new String(headerBytes, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        ElementType type = elementType(name, find(name, DESCR, header, "descr"));
        if (find(name, FORTRAN, header, "fortran_order").equals("True")) {
            throw bad(name, "the array is in Fortran (column-major) order; save it with np.ascontiguousarray first");
        }
        long[] shape = parseShape(name, find(name, SHAPE, header, "shape"));
        long numel = HostTensor.numelOrMinusOne(shape, TorchStorage.MAX_ELEMENTS);
        if (numel < 0) {
            throw bad(name, "shape " + HostTensor.format(shape) + " is too large for one Java array");
        }
        try {
            return new HostTensor(type.dtypeName, shape, type.read(in, (int) numel));
        } catch (EOFException e) {
            throw bad(name, "the data is cut short: " + e.getMessage());
        }
    }

    private static boolean startsWithMagic(byte[] pre) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String find(String name, Pattern p, String header, String key) throws CheckpointFormatException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw bad(name, "the header has no valid '" + key + "' entry: " + header.strip());
        }
        return m.group(1);
    }

    private static ElementType elementType(String name, String descr) throws CheckpointFormatException {
        return switch (descr) {
            case "<f4" -> ElementType.FLOAT32;
            case "<f8" -> ElementType.FLOAT64;
            case "<f2" -> ElementType.FLOAT16;
            case "<i8" -> ElementType.INT64;
            case "<i4" -> ElementType.INT32;
            case "<i2" -> ElementType.INT16;
            case "|i1" -> ElementType.INT8;
            case "|u1" -> ElementType.UINT8;
            case "|b1" -> ElementType.BOOL;
            default -> throw bad(name, "unsupported dtype '" + descr + "' (little-endian <f4, <f8, <f2, <i8, <i4, "
                    + "<i2, |i1, |u1, |b1 are)");
        };
    }

    private static long[] parseShape(String name, String tuple) throws CheckpointFormatException {
        List<Long> dims = new ArrayList<>();
        for (String part : tuple.split(",")) {
            String p = part.strip();
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1); // Python 2 long literal
            }
            if (p.isEmpty()) {
                continue;
            }
            try {
                long d = Long.parseLong(p);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw bad(name, "invalid shape (" + tuple + ")");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static CheckpointFormatException bad(String name, String reason) {
        return new CheckpointFormatException(name + " is not a valid .npy file: " + reason);
    }
}
