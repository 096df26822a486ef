package io.gdwct.model.checkpoint;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream of known total length that counts what has been read and can peek ahead.
 *
 * <p>Why: the pickle library allocates the byte[] for a string or bytes object from the length the
 * opcode claims before reading it, so a corrupt 4- or 8-byte length would make it allocate up to
 * 2 GiB. {@link TorchUnpickler} peeks each such length and compares it with {@link #remaining()}
 * first. The legacy reader also uses the count to check the data section against the file size.
 */
final class PickleInput extends FilterInputStream {

    private final long length;
    private long position;
    private long markPosition;

    PickleInput(InputStream in, long length) {
        super(new BufferedInputStream(in, 1 << 16));
        this.length = length;
    }

    /** Bytes left before the end of the input. */
    long remaining() {
        return length - position;
    }

    long position() {
        return position;
    }

    /**
     * The unsigned little-endian integer in the next {@code nBytes} (4 or 8) bytes, without consuming
     * them; -1 if the input ends first.
     */
    long peekLittleEndian(int nBytes) throws IOException {
        in.mark(nBytes);
        try {
            long v = 0;
            for (int i = 0; i < nBytes; i++) {
                int b = in.read();
                if (b < 0) {
                    return -1;
                }
                v |= (long) b << (8 * i);
            }
            // an 8-byte length with the top bit set is beyond any file; report it as huge, not negative
            return v < 0 ? Long.MAX_VALUE : v;
        } finally {
            in.reset();
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        position += skipped;
        return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
        in.mark(readLimit);
        markPosition = position;
    }

    @Override
    public synchronized void reset() throws IOException {
        in.reset();
        position = markPosition;
    }
}
