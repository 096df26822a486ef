package io.gdwct.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.gdwct.inference.ModelStatus;
import io.gdwct.model.GdwctConfig;
import io.gdwct.model.ModelInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of {@code GET /models}. Provenance is shown as written by the trainer or importer, except
 * that absolute file paths (training data folders) are cut to their last element: they describe
 * another machine's disk and are no business of clients.
 */
@Schema(name = "Model")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(
        @Schema(description = "name to pass as the model field", required = true) String name,
        @JsonProperty("default") @Schema(description = "used when a request names no model", required = true) boolean isDefault,
        @Schema(description = "loaded or failed", enumeration = {"loaded", "failed"}, required = true) String status,
        @Schema(description = "why it failed (failed only)") String reason,
        @Schema(description = "network size") GdwctConfig config,
        @Schema(description = "names of domains A and B") ModelInfo.Domains domains,
        @Schema(description = "where the weights came from") Map<String, Object> provenance) {

    static ModelView of(ModelStatus s) {
        ModelInfo info = s.info();
        return new ModelView(s.name(), s.isDefault(), s.state().label(), s.reason(),
                info == null ? null : info.config(), info == null ? null : info.domains(),
                info == null ? null : scrub(info.provenance()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> scrub(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, scrubValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object scrubValue(Object v) {
        if (v instanceof Map<?, ?> map) {
            return scrub((Map<String, Object>) map);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(ModelView::scrubValue).toList();
        }
        if (v instanceof String s && (s.startsWith("/") || s.matches("^[A-Za-z]:[\\\\/].*"))) {
            Path name = Path.of(s.replace('\\', '/')).getFileName();
            return name == null ? "" : name.toString();
        }
        return v;
    }
}
