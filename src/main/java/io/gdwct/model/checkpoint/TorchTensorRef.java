package io.gdwct.model.checkpoint;

/**
 * A tensor as a pickle describes it ({@code torch._utils._rebuild_tensor_v2(storage, offset, size,
 * stride, ...)}): a view into a storage whose bytes may not have been read yet. {@link #materialize}
 * turns it into a row-major {@link HostTensor} once they have.
 */
record TorchTensorRef(TorchStorage storage, long offset, long[] size, long[] stride) {

    private static final long MAX_EXPANSION = 64;

    TorchTensorRef {
        if (size.length != stride.length) {
            throw new IllegalArgumentException("tensor has " + size.length + " sizes but " + stride.length + " strides");
        }
        long numel = HostTensor.numelOrMinusOne(size, TorchStorage.MAX_ELEMENTS);
        if (numel < 0) {
            throw new IllegalArgumentException("tensor shape " + HostTensor.format(size) + " is negative or too large");
        }
        for (long st : stride) {
            if (st < 0) {
                throw new IllegalArgumentException("tensor has a negative stride " + HostTensor.format(stride));
            }
        }
        // Stride-0 (expanded) tensors may have more elements than their storage; a state_dict has none,
        // and an absurd expansion from a corrupt file must fail here rather than exhaust the heap.
        if (numel > Math.max(storage.numel, 1) * MAX_EXPANSION) {
            throw new IllegalArgumentException("tensor of shape " + HostTensor.format(size) + " expands storage '"
                    + storage.key + "' of " + storage.numel + " elements more than " + MAX_EXPANSION + " times");
        }
        // An empty tensor may sit at any offset; a non-empty one must lie inside its storage.
        if (numel > 0) {
            // Each term is checked against the storage size (< 2^31) before it is added, and the sizes
            // multiply to < 2^31, so the position of the last element cannot overflow a long.
            long last = offset;
            boolean inside = offset >= 0 && offset < storage.numel;
            for (int i = 0; i < size.length && inside; i++) {
                inside = size[i] == 1 || stride[i] <= storage.numel;
                last += (size[i] - 1) * stride[i];
            }
            if (!inside || last >= storage.numel) {
                throw new IllegalArgumentException("tensor of shape " + HostTensor.format(size) + " at offset " + offset
                        + " with stride " + HostTensor.format(stride) + " reaches outside storage '"
                        + storage.key + "' (" + storage.numel + " elements)");
            }
        }
    }

    long numel() {
        long n = 1;
        for (long s : size) {
            n *= s;
        }
        return n;
    }

    /** The tensor's elements in row-major order; the storage must have been read. */
    HostTensor materialize() {
        int n = (int) numel();
        float[] out = new float[n];
        if (n > 0) {
            if (isContiguous()) {
                storage.copyTo(offset, out, 0, n);
            } else {
                gather(out);
            }
        }
        return new HostTensor(storage.type.dtypeName, size.clone(), out);
    }

    /** Row-major strides, ignoring dimensions of size 1 whose stride PyTorch leaves arbitrary. */
    private boolean isContiguous() {
        long expected = 1;
        for (int i = size.length - 1; i >= 0; i--) {
            if (size[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= size[i];
        }
        return true;
    }

    /** Walks the index space in row-major order (an odometer over the dimensions) reading strided elements. */
    private void gather(float[] out) {
        int rank = size.length;
        long[] index = new long[rank];
        long pos = offset;
        for (int k = 0; k < out.length; k++) {
            out[k] = storage.get(pos);
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    pos += stride[d];
                    break;
                }
                pos -= (size[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
    }
}
