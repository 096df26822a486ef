package io.gdwct.image;

/**
 * Bounds-checked reads of unsigned integers from a byte array. Reading past the end throws
 * {@link CorruptImageException} rather than an index exception, so header parsers can follow
 * untrusted offsets without checking each one by hand.
 */
final class ByteReader {

    private final byte[] bytes;
    private final ImageFormat format;

    ByteReader(byte[] bytes, ImageFormat format) {
        this.bytes = bytes;
        this.format = format;
    }

    int length() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Throws unless {@code count} bytes starting at {@code offset} lie inside the array. */
    void require(long offset, long count) {
        if (offset < 0 || count < 0 || offset + count > bytes.length) {
            throw cutShort();
        }
    }

    CorruptImageException cutShort() {
        return new CorruptImageException(format + " data is cut short (truncated file?)");
    }

    CorruptImageException corrupt(String what) {
        return new CorruptImageException("corrupt " + format + ": " + what);
    }

    int u8(long offset) {
        require(offset, 1);
        return bytes[(int) offset] & 0xFF;
    }

    int u16be(long offset) {
        return u8(offset) << 8 | u8(offset + 1);
    }

    int u16le(long offset) {
        return u8(offset) | u8(offset + 1) << 8;
    }

    int u24le(long offset) {
        return u16le(offset) | u8(offset + 2) << 16;
    }

    long u32be(long offset) {
        return (long) u16be(offset) << 16 | u16be(offset + 2);
    }

    long u32le(long offset) {
        return u16le(offset) | (long) u16le(offset + 2) << 16;
    }

    /** True if the 4 bytes at {@code offset} spell {@code fourcc} (false past the end). */
    boolean fourcc(long offset, String fourcc) {
        if (offset < 0 || offset + 4 > bytes.length) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (bytes[(int) offset + i] != (byte) fourcc.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
