package io.gdwct.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of a model directory's {@code model.json}: format version, model size, the names
 * of domains A and B, and provenance (where the weights came from: training data, iterations, seed,
 * date, or the official checkpoint files they were imported from). The trainer and the importer
 * write a typed {@link Provenance}; it is kept as the JSON object read, so keys written by other
 * versions survive, and {@link #typedProvenance()} reads it back typed.
 */
public record ModelInfo(
        String format, int formatVersion, GdwctConfig config, Domains domains, Map<String, Object> provenance) {

    public static final String FORMAT = "gdwct-model";
    public static final int FORMAT_VERSION = 1;

    /** Human-readable names of the two domains, e.g. photo / painting. */
    public record Domains(String a, String b) {
        public Domains {
            Objects.requireNonNull(a, "domains.a");
            Objects.requireNonNull(b, "domains.b");
        }
    }

    public ModelInfo {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(domains, "domains");
        provenance = provenance == null ? new LinkedHashMap<>() : new LinkedHashMap<>(provenance);
    }

    public static ModelInfo of(GdwctConfig config, String domainA, String domainB, Map<String, Object> provenance) {
        return new ModelInfo(FORMAT, FORMAT_VERSION, config, new Domains(domainA, domainB), provenance);
    }

    public static ModelInfo of(GdwctConfig config, Domains domains, Provenance provenance) {
        return new ModelInfo(FORMAT, FORMAT_VERSION, config, domains, provenance.toMap());
    }

    /** The provenance's known keys, typed. */
    public Provenance typedProvenance() {
        return Provenance.of(provenance);
    }
}
