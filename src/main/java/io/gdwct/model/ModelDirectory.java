package io.gdwct.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gdwct.files.AtomicFiles;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.checkpoint.SafetensorsReader;
import io.gdwct.model.checkpoint.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model on disk: {@code model.json} ({@link ModelInfo}) and the two generators' weights as
 * {@code G_A.safetensors} and {@code G_B.safetensors}, keyed by the official state_dict names.
 * Safetensors is readable from Python ({@code safetensors.torch.load_file}) as well.
 */
public final class ModelDirectory {
    public static final String INFO_FILE = "model.json";
    public static final String G_A_FILE = "G_A.safetensors";
    public static final String G_B_FILE = "G_B.safetensors";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelDirectory() {}

    /** True when {@code dir} looks like a model directory (has a model.json). */
    public static boolean isModelDirectory(Path dir) {
        return Files.isRegularFile(dir.resolve(INFO_FILE));
    }

    public static ModelInfo readInfo(Path dir) throws IOException {
        Path file = dir.resolve(INFO_FILE);
        ModelInfo info;
        try {
            info = JSON.readValue(file.toFile(), ModelInfo.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(dir + " is not a model directory: no " + INFO_FILE);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + " is not a valid model description: " + firstLine(e.getMessage()));
        }
        if (!ModelInfo.FORMAT.equals(info.format())) {
            throw new IOException(file + ": format is '" + info.format() + "', expected '" + ModelInfo.FORMAT + "'");
        }
        if (info.formatVersion() > ModelInfo.FORMAT_VERSION) {
            throw new IOException(file + ": format version " + info.formatVersion()
                    + " is newer than this program understands (" + ModelInfo.FORMAT_VERSION + ")");
        }
        return info;
    }

    public static Map<String, HostTensor> readWeights(Path dir, String file) throws IOException {
        return SafetensorsReader.read(dir.resolve(file)).tensors();
    }

    /**
     * Writes a model directory; each file is written atomically and forced to disk, model.json
     * last, so a reader never sees a description whose weights are not complete, even after a crash.
     */
    public static void write(Path dir, ModelInfo info, LinkedHashMap<String, HostTensor> gA,
            LinkedHashMap<String, HostTensor> gB) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> meta = Map.of("format", ModelInfo.FORMAT);
        SafetensorsWriter.write(dir.resolve(G_A_FILE), gA, meta);
        SafetensorsWriter.write(dir.resolve(G_B_FILE), gB, meta);
        // durable: model.json marks the model complete, so it must not outlive a crash without its weights
        AtomicFiles.write(dir.resolve(INFO_FILE), out -> JSON.writeValue(out, info), AtomicFiles.Durability.DURABLE);
    }

    public static ObjectMapper json() {
        return JSON;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
