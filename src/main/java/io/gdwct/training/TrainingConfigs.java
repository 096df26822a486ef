package io.gdwct.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link TrainingConfig} from three layers, later ones winning: a preset, a config file
 * (JSON or YAML, any subset of the fields, model sizes under {@code model}), and command-line
 * overrides. Unknown keys are errors, so a typo never silently trains with a default.
 */
public final class TrainingConfigs {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TrainingConfigs() {}

    public static TrainingConfig build(String preset, Path file, Map<String, Object> overrides) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = JSON.convertValue(TrainingConfig.preset(preset), LinkedHashMap.class);
        if (file != null) {
            ObjectMapper reader = file.toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml") ? YAML : JSON;
            @SuppressWarnings("unchecked")
            Map<String, Object> fromFile = reader.readValue(file.toFile(), LinkedHashMap.class);
            merge(tree, fromFile);
        }
        merge(tree, overrides);
        try {
            return JSON.convertValue(tree, TrainingConfig.class);
        } catch (IllegalArgumentException e) {
            Throwable c = e.getCause();
            if (c instanceof UnrecognizedPropertyException u) {
                throw new IllegalArgumentException("unknown training setting '" + u.getPropertyName() + "'"
                        + (file != null ? " in " + file : "") + "; known: " + u.getKnownPropertyIds());
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalArgumentException("invalid training config: " + firstLine(root.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object cur = into.get(e.getKey());
            if (cur instanceof Map && e.getValue() instanceof Map) {
                merge((Map<String, Object>) cur, (Map<String, Object>) e.getValue());
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
