package io.gdwct.model.checkpoint;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The element types the readers understand, with their size in bytes and their conversion from
 * little-endian bytes to float. One table for every format (torch storages, safetensors, and the
 * tests' .npy fixtures) so that a dtype is decoded the same way whichever file it comes from.
 */
enum ElementType {
    FLOAT32("float32", 4),
    FLOAT64("float64", 8),
    FLOAT16("float16", 2),
    BFLOAT16("bfloat16", 2),
    INT64("int64", 8),
    INT32("int32", 4),
    INT16("int16", 2),
    INT8("int8", 1),
    UINT8("uint8", 1),
    BOOL("bool", 1);

    private static final int CHUNK_BYTES = 1 << 20;

    /** The dtype name recorded in {@link HostTensor#dtype()}, as PyTorch and NumPy spell it. */
    final String dtypeName;
    final int size;

    ElementType(String dtypeName, int size) {
        this.dtypeName = dtypeName;
        this.size = size;
    }

    /**
     * Decodes {@code count} elements from {@code src} (from its position, which advances) into
     * {@code dst[dstOffset..]}. The buffer's own byte order is ignored: all three formats store
     * little-endian data.
     */
    void decode(ByteBuffer src, float[] dst, int dstOffset, int count) {
        ByteBuffer b = src.order() == ByteOrder.LITTLE_ENDIAN ? src : src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int end = dstOffset + count;
        switch (this) {
            case FLOAT32 -> b.asFloatBuffer().get(dst, dstOffset, count);
            case FLOAT64 -> {
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = (float) b.getDouble(b.position() + (i - dstOffset) * 8);
                }
            }
            case FLOAT16 -> {
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = halfToFloat(b.getShort(b.position() + (i - dstOffset) * 2));
                }
            }
            case BFLOAT16 -> {
                // bfloat16 is the high half of a float32.
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = Float.intBitsToFloat((b.getShort(b.position() + (i - dstOffset) * 2) & 0xffff) << 16);
                }
            }
            case INT64 -> {
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = (float) b.getLong(b.position() + (i - dstOffset) * 8);
                }
            }
            case INT32 -> {
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = (float) b.getInt(b.position() + (i - dstOffset) * 4);
                }
            }
            case INT16 -> {
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = b.getShort(b.position() + (i - dstOffset) * 2);
                }
            }
            case INT8 -> {
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = b.get(b.position() + (i - dstOffset));
                }
            }
            case UINT8 -> {
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = b.get(b.position() + (i - dstOffset)) & 0xff;
                }
            }
            case BOOL -> {
                for (int i = dstOffset; i < end; i++) {
                    dst[i] = b.get(b.position() + (i - dstOffset)) != 0 ? 1f : 0f;
                }
            }
            default -> throw new AssertionError(this);
        }
        src.position(src.position() + count * size);
    }

    /**
     * Reads exactly {@code count} little-endian elements from {@code in} as floats. Reads in chunks
     * so that no byte[] as large as the tensor is needed (a weight file can hold hundreds of MB).
     *
     * @throws EOFException if the stream ends first
     */
    float[] read(InputStream in, int count) throws IOException {
        float[] out = new float[count];
        int perChunk = CHUNK_BYTES / size;
        byte[] buf = new byte[Math.min(perChunk, Math.max(count, 1)) * size];
        int done = 0;
        while (done < count) {
            int n = Math.min(perChunk, count - done);
            int bytes = n * size;
            int got = in.readNBytes(buf, 0, bytes);
            if (got < bytes) {
                throw new EOFException("data ends after " + ((long) done * size + got) + " of "
                        + (long) count * size + " bytes");
            }
            decode(ByteBuffer.wrap(buf, 0, bytes).order(ByteOrder.LITTLE_ENDIAN), out, done, n);
            done += n;
        }
        return out;
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            // infinity or NaN; keep the NaN payload's top bits
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal half: value = mant * 2^-24, exact in float
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 127 - 15) << 23) | (mant << 13));
    }
}
