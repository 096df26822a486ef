package io.gdwct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdwct.eval.metrics.Gaussian;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctConfig;
import io.gdwct.model.ModelInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics.json layout and the console table, from a handcrafted report. */
class ReportJsonTest {

    static EvaluationReport report() {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", "trained with gdwct train");
        provenance.put("iterations", 1000);
        provenance.put("dataA", Map.of("folder", "/data/a", "images", 12));
        provenance.put("training", Map.of("model", Map.of("convDim", 8)));
        ModelInfo info = ModelInfo.of(new GdwctConfig(8, 4, 16, 8, 8, 4, 3), "photo", "painting", provenance);
        List<PairResult> pairs = List.of(
                new PairResult("c.jpg", "e0.jpg", 0.5, 0.6, 0.7, 0.9, 0.1, 0.2, 12.5),
                new PairResult("c.jpg", "e1.jpg", Double.NaN, 0.8, 0.9, 0.1, 0.3, 0.4, 14.5));
        Gaussian g = new Gaussian(new double[] {0}, new double[][] {{1}});
        Summary summary = Summary.of(pairs, new Gaussian[] {g, g}, new Gaussian[][] {{g, g}});
        return new EvaluationReport("run-1", info, Direction.A2B, 256, 0.5f, 192, Instant.parse("2025-01-02T03:04:05Z"),
                List.of("c.jpg"), List.of("e0.jpg", "e1.jpg"), pairs, summary, null);
    }

    /** The same report with a colour-transfer baseline whose tones are all kept. */
    static EvaluationReport withBaseline() {
        EvaluationReport r = report();
        List<PairResult> pairs = List.of(
                new PairResult("c.jpg", "e0.jpg", 0.4, 0.9, 0.8, 0.99, Double.NaN, Double.NaN, 0.5),
                new PairResult("c.jpg", "e1.jpg", 0.3, 0.9, 0.8, 0.97, Double.NaN, Double.NaN, 0.5));
        Gaussian g = new Gaussian(new double[] {0}, new double[][] {{1}});
        Summary summary = Summary.of(pairs, new Gaussian[] {g, g}, new Gaussian[][] {{g, g}});
        return new EvaluationReport(r.modelName(), r.model(), r.direction(), r.maxSide(), r.strength(), r.cellSize(),
                r.date(), r.contents(), r.exemplars(), r.pairs(), r.summary(), new BaselineResult("colour-transfer", pairs, summary));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void layoutIsFixedAndUndefinedNumbersAreNull(@TempDir Path dir) throws Exception {
        Path file = ReportJson.write(report(), dir);
        assertEquals(dir.resolve("metrics.json"), file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals(List.of("model", "direction", "maxSide", "strength", "date", "count", "grid", "contents", "exemplars",
                "aggregate", "pairs"), keys(root));
        assertEquals(List.of("name", "config", "domains", "provenance"), keys(root.get("model")));
        assertEquals("run-1", root.at("/model/name").asText());
        assertEquals(8, root.at("/model/config/convDim").asInt());
        assertEquals("painting", root.at("/model/domains/b").asText());
        assertEquals(List.of("source", "iterations", "dataA"), keys(root.at("/model/provenance")));
        assertEquals("a2b", root.get("direction").asText());
        assertEquals(256, root.get("maxSide").asInt());
        assertEquals(0.5, root.get("strength").asDouble());
        assertEquals("2025-01-02T03:04:05Z", root.get("date").asText());
        assertEquals(2, root.get("count").asInt());
        assertEquals(192, root.at("/grid/cell").asInt());
        assertEquals("e1.jpg", root.at("/exemplars/1").asText());

        List<String> metricKeys = List.of("styleRatio", "textureRatio", "structure", "tone", "whiteningError",
                "coloringOrthogonality", "ms");
        JsonNode agg = root.get("aggregate");
        assertEquals(List.of("mean", "median", "defined", "specificity", "triples", "lowTone", "tonesLost"), keys(agg));
        assertEquals(0.5, agg.get("lowTone").asDouble(), 1e-12); // tones 0.9 and 0.1: one of two below 0.2
        assertEquals(0.5, agg.at("/mean/tone").asDouble(), 1e-12);
        assertFalse(agg.get("tonesLost").asBoolean());
        assertEquals(metricKeys, keys(agg.get("mean")));
        assertEquals(metricKeys, keys(agg.get("median")));
        assertEquals(0.5, agg.at("/mean/styleRatio").asDouble(), 1e-12);
        assertEquals(1, agg.at("/defined/styleRatio").asInt());
        assertEquals(13.5, agg.at("/median/ms").asDouble(), 1e-12);
        assertEquals(0.0, agg.get("specificity").asDouble()); // equal Gaussians: every triple a tie
        assertEquals(2, agg.get("triples").asInt());

        JsonNode second = root.at("/pairs/1");
        List<String> pairKeys = new ArrayList<>(List.of("content", "exemplar"));
        pairKeys.addAll(metricKeys);
        assertEquals(pairKeys, keys(second));
        assertTrue(second.get("styleRatio").isNull());
        assertEquals(0.8, second.get("textureRatio").asDouble(), 1e-12);
    }

    @Test
    void singleExemplarSpecificityIsNull() {
        EvaluationReport r = report();
        Gaussian g = new Gaussian(new double[] {0}, new double[][] {{1}});
        Summary one = Summary.of(r.pairs(), new Gaussian[] {g}, new Gaussian[][] {{g}});
        EvaluationReport single = new EvaluationReport(r.modelName(), r.model(), r.direction(), r.maxSide(), r.strength(),
                r.cellSize(), r.date(), r.contents(), List.of("e0.jpg"), r.pairs(), one, null);
        assertTrue(ReportJson.toJson(single).at("/aggregate/specificity").isNull());
    }

    @Test
    void tableIsMarkdownWithMeansMediansAndSpecificity() {
        String table = ReportTable.markdown(report());
        assertTrue(table.startsWith("model run-1 (a2b, max side 256): 1 contents x 2 exemplars = 2 pairs"), table);
        assertTrue(table.contains("| metric | mean | median |\n|---|---:|---:|\n"), table);
        assertTrue(table.contains("| style ratio (W2 Lab, lower = closer to exemplar) [1 of 2 pairs defined] | 0.500 | 0.500 |"), table);
        assertTrue(table.contains("| ms per translation (forward) | 13.5 | 13.5 |"), table);
        assertTrue(table.contains("| exemplar specificity (2 triples, 0.5 = chance) | 0.000 | |"), table);
        assertFalse(table.contains("NaN"), table);
        for (String line : table.split("\n")) {
            if (line.startsWith("|")) {
                assertEquals(4, line.chars().filter(ch -> ch == '|').count(), "3 cells per row: " + line);
            }
        }
        assertTrue(table.contains("| tone (luminance correlation with content, 1 = same light and dark, < 0 = inverted) | 0.500 | 0.500 |"), table);
        assertTrue(table.contains("| pairs with tone below 0.2 | 50.0 % | |"), table);
        assertFalse(table.contains("WARNING"), table);
    }

    @Test
    void baselineIsWrittenBesideTheModelInJsonAndTable(@TempDir Path dir) throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportJson.write(withBaseline(), dir).toFile());
        assertEquals(List.of("model", "direction", "maxSide", "strength", "date", "count", "grid", "contents", "exemplars",
                "aggregate", "pairs", "baseline"), keys(root));
        assertEquals("colour-transfer", root.at("/baseline/name").asText());
        assertEquals(0.98, root.at("/baseline/aggregate/mean/tone").asDouble(), 1e-12);
        assertEquals(0.0, root.at("/baseline/aggregate/lowTone").asDouble(), 1e-12);
        assertTrue(root.at("/baseline/aggregate/mean/whiteningError").isNull());
        assertEquals(2, root.at("/baseline/pairs").size());
        assertEquals(0.3, root.at("/baseline/pairs/1/styleRatio").asDouble(), 1e-12);

        String table = ReportTable.markdown(withBaseline());
        assertTrue(table.contains("| metric | mean | median | colour-transfer mean | colour-transfer median |\n"), table);
        assertTrue(table.contains("| style ratio (W2 Lab, lower = closer to exemplar) [1 of 2 pairs defined] | 0.500 | 0.500 | 0.350 | 0.350 |"), table);
        assertTrue(table.contains("| pairs with tone below 0.2 | 50.0 % | | 0.0 % | |"), table);
        for (String line : table.split("\n")) {
            if (line.startsWith("|")) {
                assertEquals(6, line.chars().filter(ch -> ch == '|').count(), "5 cells per row: " + line);
            }
        }
    }

    @Test
    void invertedTonesAreFlaggedInJsonAndTable() {
        EvaluationReport r = report();
        List<PairResult> inverted = List.of(
                new PairResult("c.jpg", "e0.jpg", 0.5, 0.6, 0.1, -0.8, 0.1, 0.2, 12.5),
                new PairResult("c.jpg", "e1.jpg", 0.5, 0.6, 0.1, 0.3, 0.1, 0.2, 12.5));
        Gaussian g = new Gaussian(new double[] {0}, new double[][] {{1}});
        Summary s = Summary.of(inverted, new Gaussian[] {g, g}, new Gaussian[][] {{g, g}});
        EvaluationReport bad = new EvaluationReport(r.modelName(), r.model(), r.direction(), r.maxSide(), r.strength(),
                r.cellSize(), r.date(), r.contents(), r.exemplars(), inverted, s, null);
        assertTrue(ReportJson.toJson(bad).at("/aggregate/tonesLost").asBoolean());
        String table = ReportTable.markdown(bad);
        assertTrue(table.contains("WARNING: this model does not keep the content's light and dark (mean tone -0.250, 50.0 % of pairs below 0.2)"), table);
    }
}
