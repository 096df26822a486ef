package io.gdwct.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    /** The committed default model was written before the record existed: it still reads, typed. */
    @Test
    void theCommittedDefaultModelReadsTyped() throws IOException {
        Provenance p = ModelDirectory.readInfo(Path.of("models/default")).typedProvenance();
        assertEquals("trained with gdwct train", p.source());
        assertEquals(new Provenance.Data("runs/default/data/photos", 128, 0), p.dataA());
        assertEquals(16, p.dataB().images());
        assertEquals(25784L, p.iterations());
        assertEquals(5.79, p.trainingHours());
        assertEquals(1L, p.seed());
        assertEquals("2026-12-01T22:02:54.573711322Z", p.date());
        assertNull(p.gA());
    }

    /** Older imports wrote importedAt; it is the same date. */
    @Test
    void importedAtIsReadAsTheDate() {
        Provenance p = Provenance.of(Map.of("source", "official", "importedAt", "2026-11-30T10:00:00Z",
                "G_A", Map.of("file", "G_A.pth", "sha256", "ab")));
        assertEquals("2026-11-30T10:00:00Z", p.date());
        assertEquals(new Provenance.SourceFile("G_A.pth", "ab"), p.gA());
    }

    @Test
    void writtenInAFixedOrderAndReadBackTheSame(@TempDir Path dir) throws IOException {
        Provenance trained = Provenance.trained(new Provenance.Data("/d/a", 3, 1), new Provenance.Data("/d/b", 2, 0),
                7, 0.5, 11, Map.of("seed", 11), "2026-12-04T00:00:00Z");
        assertEquals(List.of("source", "dataA", "dataB", "iterations", "trainingHours", "seed", "training", "date"),
                List.copyOf(trained.toMap().keySet()));
        Provenance imported = Provenance.imported("official", new Provenance.SourceFile("a.pth", "1"),
                new Provenance.SourceFile("b.pth", "2"), "2026-12-04T00:00:00Z");
        assertEquals(List.of("source", "G_A", "G_B", "date"), List.copyOf(imported.toMap().keySet()));

        ModelInfo info = ModelInfo.of(OfficialFixtures.TINY, new ModelInfo.Domains("a", "b"), trained);
        ModelDirectory.json().writeValue(dir.resolve(ModelDirectory.INFO_FILE).toFile(), info);
        Provenance back = ModelDirectory.readInfo(dir).typedProvenance();
        assertEquals(new Provenance(trained.source(), trained.dataA(), trained.dataB(), trained.iterations(),
                trained.trainingHours(), trained.seed(), Map.of("seed", 11), null, null, trained.date()), back);
    }
}
