package io.gdwct.model.checkpoint;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link HostTensor} as a NumPy {@code .npy} file, format version 1.0, dtype {@code <f4}
 * (little-endian float32), C (row-major) order: what {@code np.load} reads back as float32 with the
 * tensor's shape. The header is padded so that the data starts on a 64-byte boundary, as NumPy does.
 */
public final class NpyWriter {

    private static final int ALIGN = 64;

    private NpyWriter() {
    }

    public static void write(Path file, HostTensor tensor) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, tensor);
        }
    }

    /** Writes the array to the stream, which is flushed but not closed. */
    public static void write(OutputStream out, HostTensor tensor) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + pythonShape(tensor.shape()) + ", }";
        // magic (6) + version (2) + length (2) + dict + padding + '\n' must be a multiple of ALIGN
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((ALIGN - unpadded % ALIGN) % ALIGN) + "\n";
        if (header.length() > 0xffff) {
            throw new IOException("npy header too long for format 1.0: " + header.length() + " bytes");
        }
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
            (byte) header.length(), (byte) (header.length() >>> 8)});
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));

        float[] data = tensor.data();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; ) {
            int n = Math.min(buf.capacity() / 4, data.length - i);
            buf.clear();
            buf.asFloatBuffer().put(data, i, n);
            out.write(buf.array(), 0, n * 4);
            i += n;
        }
        out.flush();
    }

    /** Python's tuple repr: "(2, 3)", "(5,)", "()". */
    private static String pythonShape(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
