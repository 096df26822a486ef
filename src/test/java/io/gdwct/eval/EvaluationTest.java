package io.gdwct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdwct.cli.EvaluateCommand;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageEncoder;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctConfig;
import io.gdwct.model.OfficialImporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole evaluation on the official tiny fixture model: 2 contents × 2 exemplars on the CPU. */
class EvaluationTest {

    private static final Path IMAGES = Path.of("src/test/resources/images");
    private static final Path TINY = Path.of("src/test/resources/official/tiny");
    private static final int CELL = 40;
    private static final int MAX_SIDE = 64;

    @TempDir
    private static Path dir;

    @BeforeAll
    static void fixtures() throws Exception {
        OfficialImporter.importModel(TINY.resolve("G_A.pth"), TINY.resolve("G_B.pth"), dir.resolve("model"),
                new GdwctConfig(8, 4, 16, 8, 8, 4, 3), "photo", "painting");
        Path contents = Files.createDirectories(dir.resolve("contents"));
        Files.copy(IMAGES.resolve("photo-storm.jpg"), contents.resolve("b-storm.jpg"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(IMAGES.resolve("photo-red-pyramid.jpg"), contents.resolve("a-pyramid.jpg"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(contents.resolve("README.md"), "not an image, ignored");
        Path exemplars = Files.createDirectories(dir.resolve("exemplars/sub"));
        Files.copy(IMAGES.resolve("painting-arcimboldo-librarian.jpg"), dir.resolve("exemplars/librarian.jpg"),
                StandardCopyOption.REPLACE_EXISTING);
        ImageEncoder.write(EvalImages.pattern(80, 96, 3), exemplars.resolve("pattern.png"));
    }

    @Test
    void evaluatesEveryPairAndWritesMetricsAndGrid() throws Exception {
        Path out = dir.resolve("out-logic");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EvaluationReport report = EvaluationRun.run(
                new EvaluationRun.Paths(dir.resolve("model"), dir.resolve("contents"), dir.resolve("exemplars"), out),
                new Evaluation.Settings(Direction.A2B, MAX_SIDE, CELL), 40_000_000L, Device.cpu(), new PrintStream(log, true));
        assertEquals(4, report.count());
        assertEquals(List.of("a-pyramid.jpg", "b-storm.jpg"), report.contents());
        assertEquals(List.of("librarian.jpg", "sub/pattern.png"), report.exemplars());
        assertTrue(log.toString().contains("[4/4] b-storm.jpg x sub/pattern.png"), log.toString());

        JsonNode root = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("model", root.at("/model/name").asText());
        assertEquals(8, root.at("/model/config/convDim").asInt());
        assertTrue(root.at("/model/provenance/source").asText().startsWith("official GDWCT"));
        assertEquals("a2b", root.get("direction").asText());
        assertEquals(MAX_SIDE, root.get("maxSide").asInt());
        assertEquals(4, root.get("count").asInt());
        JsonNode pairs = root.get("pairs");
        assertEquals(4, pairs.size());
        assertEquals("a-pyramid.jpg", pairs.get(1).get("content").asText());
        assertEquals("sub/pattern.png", pairs.get(1).get("exemplar").asText());
        for (JsonNode p : pairs) {
            for (Metric m : Metric.values()) {
                JsonNode v = p.get(m.key());
                assertTrue(v.isNumber() && Double.isFinite(v.asDouble()), m.key() + " of " + p);
            }
            assertTrue(p.get("whiteningError").asDouble() > 0, p.toString());
            assertTrue(p.get("coloringOrthogonality").asDouble() >= 0, p.toString());
            assertTrue(p.get("structure").asDouble() <= 1, p.toString());
            assertTrue(p.get("ms").asDouble() > 0, p.toString());
        }
        JsonNode agg = root.get("aggregate");
        double specificity = agg.get("specificity").asDouble();
        assertTrue(agg.get("specificity").isNumber() && specificity >= 0 && specificity <= 1, agg.toString());
        assertEquals(4, agg.get("triples").asInt()); // 2 contents × 2 × 1 ordered exemplar pairs
        assertTrue(agg.at("/mean/whiteningError").asDouble() > 0, agg.toString());
        assertEquals(4, agg.at("/defined/styleRatio").asInt());

        RgbImage grid = new ImageDecoder(10_000_000L).read(out.resolve("grid.png"));
        assertEquals(3 * CELL + 2 * 2, grid.width()); // 1 + 2 exemplar columns, 2 gutters of 2 px
        assertEquals(3 * CELL + 2 * 2, grid.height()); // 1 + 2 content rows
        assertEquals(0xff, grid.get(CELL / 2, CELL / 2, 0)); // top-left cell blank
        assertEquals(EvaluationGrid.width(CELL, 2), grid.width());
    }

    @Test
    void picocliCommandRunsWithoutCdi() {
        Path out = dir.resolve("out-cli");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true));
            code = new CommandLine(new EvaluateCommand()).execute("--model", dir.resolve("model").toString(),
                    "--content", dir.resolve("contents").toString(), "--exemplars", dir.resolve("exemplars").toString(),
                    "--out", out.toString(), "--direction", "b2a", "--max-side", "48", "--cell", "32", "--device", "cpu");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code, captured.toString());
        String table = captured.toString();
        assertTrue(table.contains("| metric | mean | median |"), table);
        assertTrue(table.contains("exemplar specificity (4 triples"), table);
        assertTrue(Files.isRegularFile(out.resolve("metrics.json")));
        assertTrue(Files.isRegularFile(out.resolve("grid.png")));
    }

    /** At strength 0 the style code has no effect, so a content's output is the same for every exemplar. */
    @Test
    void strengthZeroMakesTheOutputIndependentOfTheExemplar() throws Exception {
        Evaluation.Settings zero = new Evaluation.Settings(Direction.A2B, MAX_SIDE, CELL, 0f);
        Evaluation.Settings full = new Evaluation.Settings(Direction.A2B, MAX_SIDE, CELL, 1f);
        EvaluationReport r0 = run(zero, "out-strength0");
        EvaluationReport r1 = run(full, "out-strength1");
        assertEquals(0f, r0.strength());
        for (int c = 0; c < 2; c++) {
            PairResult a = r0.pairs().get(2 * c);
            PairResult b = r0.pairs().get(2 * c + 1);
            assertEquals(a.structure(), b.structure(), 1e-9);
        }
        assertNotEquals(r1.pairs().get(0).structure(), r1.pairs().get(1).structure());
        assertThrows(IllegalArgumentException.class, () -> new Evaluation.Settings(Direction.A2B, MAX_SIDE, CELL, 1.5f));
    }

    private EvaluationReport run(Evaluation.Settings settings, String outName) throws Exception {
        return EvaluationRun.run(
                new EvaluationRun.Paths(dir.resolve("model"), dir.resolve("contents"), dir.resolve("exemplars"), dir.resolve(outName)),
                settings, 40_000_000L, Device.cpu(), new PrintStream(new ByteArrayOutputStream(), true));
    }
}
