package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.CheckpointFormatException.notTorch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy serialisation of {@code torch.save} (before PyTorch 1.6, and still written with
 * {@code _use_new_zipfile_serialization=False}): one stream of
 * <ol>
 *   <li>a pickled int, the magic number 0x1950a86a20f9469cfc6c;</li>
 *   <li>a pickled int, the protocol version 1001;</li>
 *   <li>a pickled dict of system info ({@code little_endian}, {@code type_sizes});</li>
 *   <li>the pickled object, whose tensors name root storages by key (persistent ids);</li>
 *   <li>a pickled list of the root storage keys;</li>
 *   <li>for each key in that order: an 8-byte little-endian element count, then the elements'
 *       raw little-endian bytes.</li>
 * </ol>
 */
final class TorchLegacyFormat {

    static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    static final int PROTOCOL_VERSION = 1001;

    private TorchLegacyFormat() {
    }

    static LinkedHashMap<String, HostTensor> read(Path file, long fileSize) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            PickleInput in = new PickleInput(raw, fileSize);
            Map<String, TorchStorage> storages = new LinkedHashMap<>();
            TorchUnpickler header = new TorchUnpickler(in, storages);

            Object magic = header.loadNext();
            if (!(magic instanceof Number n) || !MAGIC.equals(new BigInteger(n.toString()))) {
                throw notTorch(file, "it is a pickle but does not start with PyTorch's legacy magic number");
            }
            Object protocol = header.loadNext();
            if (!(protocol instanceof Number p) || p.longValue() != PROTOCOL_VERSION) {
                throw notTorch(file, "unsupported legacy protocol version " + protocol);
            }
            Object sysInfo = header.loadNext();
            if (sysInfo instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))) {
                throw notTorch(file, "it was saved on a big-endian machine, which is not supported");
            }

            Object top = new TorchUnpickler(in, storages).loadNext();
            LinkedHashMap<String, TorchTensorRef> refs = TorchCheckpointReader.tensorRefs(file, top);

            Object keys = new TorchUnpickler(in, storages).loadNext();
            if (!(keys instanceof List<?> keyList)) {
                throw notTorch(file, "the storage key list is a " + PickleValues.typeName(keys) + ", not a list");
            }
            for (Object key : keyList) {
                readStorage(file, in, storages.get(String.valueOf(key)), key);
            }
            return TorchCheckpointReader.materialize(file, refs);
        }
    }

    private static void readStorage(Path file, PickleInput in, TorchStorage storage, Object key) throws IOException {
        if (storage == null) {
            throw notTorch(file, "the data section lists storage '" + key + "' that the pickle never names");
        }
        if (storage.isLoaded()) {
            throw notTorch(file, "the data section lists storage '" + key + "' twice");
        }
        if (in.remaining() < 8) {
            throw notTorch(file, "the file ends before the data of storage '" + key + "' (truncated)");
        }
        long count = 0;
        for (int i = 0; i < 8; i++) {
            count |= (long) in.read() << (8 * i);
        }
        if (count != storage.numel) {
            throw notTorch(file, "storage '" + key + "' has " + count + " elements in the data section but "
                    + storage.numel + " in the pickle");
        }
        if (storage.byteCount() > in.remaining()) {
            throw notTorch(file, "storage '" + key + "' needs " + storage.byteCount() + " bytes but only "
                    + in.remaining() + " remain (truncated)");
        }
        storage.readFrom(in);
    }
}
