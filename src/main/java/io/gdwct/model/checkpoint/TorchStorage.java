package io.gdwct.model.checkpoint;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * One PyTorch storage named by a pickle's persistent id: a flat run of {@code numel} elements of
 * one type that tensors view with an offset, a size and strides. The pickle only names storages;
 * their bytes come later (zip entry {@code data/<key>}, or the legacy data section), so a storage
 * starts empty and is filled by {@link #readFrom}.
 *
 * <p>A legacy checkpoint may also name a view of a root storage (view_metadata); a view has no
 * bytes of its own and reads its root's values from an element offset.
 */
final class TorchStorage {

    /** Java arrays cannot hold more; a tensor this large does not fit a HostTensor anyway. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    final String key;
    final ElementType type;
    final long numel;
    private final TorchStorage root;
    private final long rootOffset;
    private float[] values;

    TorchStorage(String key, ElementType type, long numel) {
        this(key, type, numel, null, 0);
    }

    private TorchStorage(String key, ElementType type, long numel, TorchStorage root, long rootOffset) {
        if (numel < 0 || numel > MAX_ELEMENTS) {
            throw new IllegalArgumentException("storage '" + key + "' has an invalid element count " + numel);
        }
        this.key = key;
        this.type = type;
        this.numel = numel;
        this.root = root;
        this.rootOffset = rootOffset;
    }

    /** A view of {@code numel} elements of this (root) storage starting at element {@code offset}. */
    TorchStorage view(String viewKey, long offset, long viewNumel) {
        if (offset < 0 || viewNumel < 0 || offset + viewNumel > numel) {
            throw new IllegalArgumentException("storage view '" + viewKey + "' [" + offset + ", +" + viewNumel
                    + ") lies outside its root storage '" + key + "' of " + numel + " elements");
        }
        return new TorchStorage(viewKey, type, viewNumel, this, offset);
    }

    long byteCount() {
        return numel * type.size;
    }

    /**
     * Reads exactly {@code numel} little-endian elements from {@code in} and converts them to float.
     */
    void readFrom(InputStream in) throws IOException {
        if (root != null) {
            throw new IllegalStateException("a storage view has no bytes of its own");
        }
        try {
            values = type.read(in, (int) numel);
        } catch (EOFException e) {
            throw new EOFException("storage '" + key + "' is cut short: " + e.getMessage());
        }
    }

    boolean isLoaded() {
        return root != null ? root.isLoaded() : values != null;
    }

    /** The value of element {@code i} (0 ≤ i < numel). */
    float get(long i) {
        return root != null ? root.get(rootOffset + i) : values[(int) i];
    }

    /** Copies {@code count} elements starting at element {@code from} into {@code dst[dstOffset..]}. */
    void copyTo(long from, float[] dst, int dstOffset, int count) {
        if (root != null) {
            root.copyTo(rootOffset + from, dst, dstOffset, count);
        } else {
            System.arraycopy(values, (int) from, dst, dstOffset, count);
        }
    }
}
