package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.CheckpointFormatException.describe;
import static io.gdwct.model.checkpoint.CheckpointFormatException.notTorch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipException;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Reads a PyTorch {@code state_dict} saved with {@code torch.save} into heap tensors, without
 * PyTorch. Both serialisations are understood:
 * <ul>
 *   <li>the zip format (PyTorch ≥ 1.6): {@code <archive>/data.pkl} plus one entry
 *       {@code <archive>/data/<key>} of raw little-endian bytes per storage ({@link TorchZipFormat});</li>
 *   <li>the legacy format (before 1.6, that of the 2019 GDWCT checkpoints): five pickles in a row
 *       then the storages' bytes, each after an 8-byte little-endian element count
 *       ({@link TorchLegacyFormat}).</li>
 * </ul>
 * Tensors come out row-major as float32 {@link HostTensor}s, whatever their stored dtype (recorded
 * in {@link HostTensor#dtype()}), honouring storage offsets and strides. Keys keep the file's order.
 *
 * <p>Anything that is not such a checkpoint (another file type, a truncated or corrupt file, a
 * pickle of something other than a dict of tensors) raises {@link CheckpointFormatException}; a
 * missing or unreadable file raises the usual {@link java.nio.file.FileSystemException}.
 */
public final class TorchCheckpointReader {

    private TorchCheckpointReader() {
    }

    /** The tensors of the state_dict in {@code file}, by name, in the order of the file. */
    public static LinkedHashMap<String, HostTensor> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw notTorch(file, "the file is empty");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        try {
            // "PK" alone still goes to the zip reader, so that a zip cut after two bytes reads as truncated
            if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
                return TorchZipFormat.read(file);
            }
            if ((head[0] & 0xff) == 0x80) {
                return TorchLegacyFormat.read(file, size);
            }
            throw notTorch(file, "it starts with bytes " + hex(head) + ", neither a zip archive (PK) nor a pickle (0x80)");
        } catch (CheckpointFormatException | FileSystemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw notTorch(file, reasonFor(e), e);
        }
    }

    /**
     * The zip and pickle libraries report a corrupt file as ZipException, EOFException,
     * PickleException, or a bare runtime exception (a cast or an empty stack) when a corrupt pickle
     * builds the wrong objects; all of them mean "bad file", said in words a user can act on.
     */
    private static String reasonFor(Exception e) {
        String m = describe(e);
        if (e instanceof ZipException) {
            return "truncated or corrupt zip archive (" + m + ")";
        }
        if (e instanceof EOFException || m.equals("premature end of file") || m.startsWith("expected more bytes")) {
            return "the file ends early, truncated (" + m + ")";
        }
        if (e instanceof PickleException) {
            return "bad pickle: " + m;
        }
        if (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)) {
            return m; // our own checks of tensor and storage geometry
        }
        if (e instanceof RuntimeException) {
            return "corrupt pickle, it builds unexpected objects (" + e.getClass().getSimpleName() + ")";
        }
        return m;
    }

    /**
     * The main pickle's top object as tensor references by name, in order; rejects anything but a
     * non-empty dict from str to tensor.
     */
    static LinkedHashMap<String, TorchTensorRef> tensorRefs(Path file, Object top) throws CheckpointFormatException {
        if (top instanceof ClassDict c) {
            throw notTorch(file, "it holds a pickled " + c.getClassName()
                    + " object, not a state_dict (save model.state_dict(), not the model)");
        }
        if (!(top instanceof Map<?, ?> map)) {
            throw notTorch(file, "the pickled object is a " + PickleValues.typeName(top) + ", not a dict of tensors");
        }
        if (map.isEmpty()) {
            throw notTorch(file, "the state_dict holds no tensors");
        }
        LinkedHashMap<String, TorchTensorRef> refs = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw notTorch(file, "the dict has a key of type " + PickleValues.typeName(e.getKey()) + ", not str");
            }
            if (!(e.getValue() instanceof TorchTensorRef ref)) {
                throw notTorch(file, "entry '" + key + "' is a " + PickleValues.typeName(e.getValue())
                        + ", not a tensor");
            }
            refs.put(key, ref);
        }
        return refs;
    }

    /** Copies every tensor out of its (now read) storage. */
    static LinkedHashMap<String, HostTensor> materialize(Path file, Map<String, TorchTensorRef> refs)
            throws CheckpointFormatException {
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, TorchTensorRef> e : refs.entrySet()) {
            TorchStorage storage = e.getValue().storage();
            if (!storage.isLoaded()) {
                throw notTorch(file, "the bytes of storage '" + storage.key + "' (tensor '" + e.getKey() + "') are missing");
            }
            out.put(e.getKey(), e.getValue().materialize());
        }
        return out;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
