package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.CheckpointFormatException.notTorch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The zip serialisation of {@code torch.save} (PyTorch ≥ 1.6): a zip whose single top folder (named
 * after the file it was first saved as, so it varies) holds {@code data.pkl}, the pickled object
 * whose tensors name storages by key, and {@code data/<key>}, each storage's raw bytes, little-endian
 * unless a {@code byteorder} entry says otherwise.
 */
final class TorchZipFormat {

    private TorchZipFormat() {
    }

    static LinkedHashMap<String, HostTensor> read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = findDataPkl(zip);
            if (pkl == null) {
                throw notTorch(file, "the zip archive has no <archive>/data.pkl entry");
            }
            String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            checkByteOrder(file, zip, prefix);

            byte[] pickle;
            try (InputStream in = zip.getInputStream(pkl)) {
                pickle = in.readAllBytes();
            }
            Map<String, TorchStorage> storages = new LinkedHashMap<>();
            PickleInput input = new PickleInput(new ByteArrayInputStream(pickle), pickle.length);
            Object top = new TorchUnpickler(input, storages).loadNext();
            LinkedHashMap<String, TorchTensorRef> refs = TorchCheckpointReader.tensorRefs(file, top);

            for (TorchStorage storage : storages.values()) {
                String name = prefix + "data/" + storage.key;
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    throw notTorch(file, "storage '" + storage.key + "' has no entry " + name);
                }
                if (entry.getSize() >= 0 && entry.getSize() < storage.byteCount()) {
                    throw notTorch(file, "entry " + name + " holds " + entry.getSize() + " bytes but its storage needs "
                            + storage.byteCount());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    storage.readFrom(in);
                }
            }
            return TorchCheckpointReader.materialize(file, refs);
        }
    }

    /** {@code <archive>/data.pkl}, the first one at depth one if a zip were to hold several. */
    private static ZipEntry findDataPkl(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            String name = e.getName();
            if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                return e;
            }
        }
        return null;
    }

    private static void checkByteOrder(Path file, ZipFile zip, String prefix) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return; // written before PyTorch recorded it: little-endian
        }
        try (InputStream in = zip.getInputStream(entry)) {
            String order = new String(in.readNBytes(16), StandardCharsets.US_ASCII).strip();
            if (!order.equals("little")) {
                throw notTorch(file, "its byteorder is '" + order + "'; only little-endian checkpoints are supported");
            }
        }
    }
}
