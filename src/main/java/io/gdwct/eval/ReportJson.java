package io.gdwct.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * metrics.json: the report as a JSON tree built field by field, so the layout is fixed here
 * (documented in docs/evaluation.md) rather than by whatever the records happen to contain.
 *
 * <p>Undefined numbers (NaN) are written as {@code null}: JSON has no NaN, and a null is read as
 * "missing" by every consumer instead of as the string "NaN".
 *
 * <p>The model's provenance is summarised: top-level entries that are plain values, or objects of
 * plain values (a data folder with its image count, a weights file with its hash), are kept; deeper
 * structures (a trained model's full training config) are dropped, the model's size being under
 * {@code model.config} already.
 */
public final class ReportJson {

    /** File name in the output folder. */
    public static final String FILE_NAME = "metrics.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    /** The report as a JSON object. */
    public static ObjectNode toJson(EvaluationReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode model = root.putObject("model");
        model.put("name", r.modelName());
        model.set("config", MAPPER.valueToTree(r.model().config()));
        model.set("domains", MAPPER.valueToTree(r.model().domains()));
        model.set("provenance", provenanceSummary(MAPPER.valueToTree(r.model().provenance())));
        root.put("direction", r.direction().label());
        root.put("maxSide", r.maxSide());
        root.put("strength", r.strength());
        root.put("date", r.date().toString());
        root.put("count", r.count());
        ObjectNode grid = root.putObject("grid");
        grid.put("file", EvaluationGrid.FILE_NAME);
        grid.put("cell", r.cellSize());
        grid.put("gutter", EvaluationGrid.GUTTER);
        r.contents().forEach(root.putArray("contents")::add);
        r.exemplars().forEach(root.putArray("exemplars")::add);
        putAggregate(root.putObject("aggregate"), r.summary());
        putPairs(root.putArray("pairs"), r.pairs());
        if (r.baseline() != null) {
            ObjectNode baseline = root.putObject("baseline");
            baseline.put("name", r.baseline().name());
            putAggregate(baseline.putObject("aggregate"), r.baseline().summary());
            putPairs(baseline.putArray("pairs"), r.baseline().pairs());
        }
        return root;
    }

    private static void putAggregate(ObjectNode aggregate, Summary s) {
        putMetrics(aggregate.putObject("mean"), s.mean());
        putMetrics(aggregate.putObject("median"), s.median());
        ObjectNode defined = aggregate.putObject("defined");
        s.defined().forEach((m, n) -> defined.put(m.key(), n));
        putNumber(aggregate, "specificity", s.specificity());
        aggregate.put("triples", s.triples());
        putNumber(aggregate, "lowTone", s.lowTone());
        aggregate.put("tonesLost", s.tonesLost());
    }

    private static void putPairs(ArrayNode pairs, List<PairResult> results) {
        for (PairResult p : results) {
            ObjectNode o = pairs.addObject();
            o.put("content", p.content());
            o.put("exemplar", p.exemplar());
            for (Metric m : Metric.values()) {
                putNumber(o, m.key(), m.of(p));
            }
        }
    }

    /** Writes {@code dir/metrics.json} atomically (a reader never sees half a file). */
    public static Path write(EvaluationReport report, Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Files.createDirectories(dir);
        io.gdwct.files.AtomicFiles.write(file, MAPPER.writeValueAsBytes(toJson(report)),
                io.gdwct.files.AtomicFiles.Durability.ATOMIC);
        return file;
    }

    private static void putMetrics(ObjectNode node, Map<Metric, Double> values) {
        for (Metric m : Metric.values()) {
            putNumber(node, m.key(), values.getOrDefault(m, Double.NaN));
        }
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static ObjectNode provenanceSummary(JsonNode provenance) {
        ObjectNode out = MAPPER.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = provenance.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (isFlat(e.getValue())) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static boolean isFlat(JsonNode node) {
        if (node.isValueNode()) {
            return true;
        }
        if (!node.isObject()) {
            return false;
        }
        for (JsonNode child : node) {
            if (!child.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
