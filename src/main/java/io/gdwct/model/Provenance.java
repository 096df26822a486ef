package io.gdwct.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a model's weights came from, typed: what the trainer and the importer write into
 * {@code model.json}. Both use {@code date} for when (the importer used to write
 * {@code importedAt}, still read as the date). The file keeps the provenance as a JSON object, so
 * a model written by another version (or by hand) with other keys still loads and shows them;
 * {@link #of} reads the keys known here and {@link #toMap} writes them in a fixed order.
 *
 * @param source        what made the weights (free text), never null
 * @param dataA         the training folder of domain A (trained models), or null
 * @param dataB         the training folder of domain B, or null
 * @param iterations    training iterations, or null
 * @param trainingHours training time as the checkpoint records it, or null
 * @param seed          the training seed, or null
 * @param training      the full training configuration as written (this package does not know its type), or null
 * @param gA            the official G_A checkpoint imported (imported models), or null
 * @param gB            the official G_B checkpoint imported, or null
 * @param date          ISO-8601 instant the model was written, or null
 */
public record Provenance(String source, Data dataA, Data dataB, Long iterations, Double trainingHours, Long seed,
        Object training, SourceFile gA, SourceFile gB, String date) {

    /** A training folder: its path on the training machine, images used and files skipped. */
    public record Data(String folder, Integer images, Integer skipped) {}

    /** An imported checkpoint file: its name and SHA-256. */
    public record SourceFile(String file, String sha256) {}

    public Provenance {
        java.util.Objects.requireNonNull(source, "source");
    }

    /** A trained model's provenance. */
    public static Provenance trained(Data dataA, Data dataB, long iterations, double trainingHours, long seed,
            Object training, String date) {
        return new Provenance("trained with gdwct train", dataA, dataB, iterations, trainingHours, seed, training,
                null, null, date);
    }

    /** An imported model's provenance. */
    public static Provenance imported(String source, SourceFile gA, SourceFile gB, String date) {
        return new Provenance(source, null, null, null, null, null, null, gA, gB, date);
    }

    /** The JSON object written to model.json: the keys that are set, in this order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        putIfSet(m, "dataA", dataA == null ? null : data(dataA));
        putIfSet(m, "dataB", dataB == null ? null : data(dataB));
        putIfSet(m, "iterations", iterations);
        putIfSet(m, "trainingHours", trainingHours);
        putIfSet(m, "seed", seed);
        putIfSet(m, "training", training);
        putIfSet(m, "G_A", gA == null ? null : file(gA));
        putIfSet(m, "G_B", gB == null ? null : file(gB));
        putIfSet(m, "date", date);
        return m;
    }

    /** Reads the known keys of a model.json provenance object; missing or mistyped ones are null. */
    public static Provenance of(Map<String, Object> m) {
        Map<String, Object> p = m == null ? Map.of() : m;
        Object when = p.containsKey("date") ? p.get("date") : p.get("importedAt");
        return new Provenance(String.valueOf(p.getOrDefault("source", "unknown")), dataOf(p.get("dataA")),
                dataOf(p.get("dataB")), longOf(p.get("iterations")), p.get("trainingHours") instanceof Number n
                        ? n.doubleValue() : null, longOf(p.get("seed")), p.get("training"), fileOf(p.get("G_A")),
                fileOf(p.get("G_B")), when instanceof String s ? s : null);
    }

    private static Map<String, Object> data(Data d) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "folder", d.folder());
        putIfSet(m, "images", d.images());
        putIfSet(m, "skipped", d.skipped());
        return m;
    }

    private static Map<String, Object> file(SourceFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "file", f.file());
        putIfSet(m, "sha256", f.sha256());
        return m;
    }

    private static Data dataOf(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return null;
        }
        Long images = longOf(m.get("images"));
        Long skipped = longOf(m.get("skipped"));
        return new Data(m.get("folder") instanceof String s ? s : null, images == null ? null : images.intValue(),
                skipped == null ? null : skipped.intValue());
    }

    private static SourceFile fileOf(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return null;
        }
        return new SourceFile(m.get("file") instanceof String s ? s : null, m.get("sha256") instanceof String s ? s : null);
    }

    private static Long longOf(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
