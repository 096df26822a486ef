package io.gdwct.model.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a safetensors file: its tensors by name in the order of the header, and the
 * string-to-string {@code __metadata__} (empty when the file has none).
 */
public record SafetensorsFile(LinkedHashMap<String, HostTensor> tensors, Map<String, String> metadata) {
}
