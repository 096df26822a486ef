package io.gdwct.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.gdwct.model.checkpoint.HostTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-official: both torch.save formats, the same weights bit for bit, clear errors. */
class OfficialImporterTest {
    private static final Path TINY = OfficialFixtures.dir("tiny");
    private static final Path LEGACY = OfficialFixtures.dir("tiny-legacy");

    @Test
    void legacyAndZipCheckpointsImportToIdenticalWeights(@TempDir Path tmp) throws Exception {
        OfficialImporter.importModel(TINY.resolve("G_A.pth"), TINY.resolve("G_B.pth"), tmp.resolve("zip"),
                OfficialFixtures.TINY, "photo", "painting");
        OfficialImporter.importModel(LEGACY.resolve("G_A.pth"), LEGACY.resolve("G_B.pth"), tmp.resolve("legacy"),
                OfficialFixtures.TINY, "photo", "painting");
        for (String file : new String[] {ModelDirectory.G_A_FILE, ModelDirectory.G_B_FILE}) {
            Map<String, HostTensor> a = ModelDirectory.readWeights(tmp.resolve("zip"), file);
            Map<String, HostTensor> b = ModelDirectory.readWeights(tmp.resolve("legacy"), file);
            assertEquals(a.keySet(), b.keySet());
            for (String k : a.keySet()) {
                assertArrayEquals(a.get(k).data(), b.get(k).data(), 0f, file + " " + k);
            }
        }
        ModelInfo info = ModelDirectory.readInfo(tmp.resolve("legacy"));
        assertEquals("painting", info.domains().b());
        assertEquals(OfficialFixtures.TINY.nGroup(), info.config().nGroup());
        try (GdwctModel m = GdwctModel.load(tmp.resolve("legacy"), Device.cpu())) {
            assertEquals(OfficialFixtures.TINY.contentDim(), m.config().contentDim());
        }
    }

    @Test
    void wrongConfigNamesTheFirstMismatchAndWritesNothing(@TempDir Path tmp) {
        GdwctConfig wrong = GdwctConfig.generator(8, 2, 16, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OfficialImporter.importModel(
                TINY.resolve("G_A.pth"), TINY.resolve("G_B.pth"), tmp.resolve("out"), wrong, "a", "b"));
        assertTrue(e.getMessage().contains("s_encoder.main.1.norm") || e.getMessage().contains("mlp_CT"), e.getMessage());
        assertTrue(e.getMessage().contains("--n-group"), "the message suggests the options: " + e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out")), "nothing written on failure");
    }

    @Test
    void aFileThatIsNotACheckpointIsAClearError(@TempDir Path tmp) throws Exception {
        Path text = Files.writeString(tmp.resolve("G_A.pth"), "not a checkpoint\n");
        IOException e = assertThrows(IOException.class, () -> OfficialImporter.importModel(
                text, TINY.resolve("G_B.pth"), tmp.resolve("out"), OfficialFixtures.TINY, "a", "b"));
        assertTrue(e.getMessage().contains("not a PyTorch state_dict checkpoint"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void loadingAModelWithAMissingTensorNamesIt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("m");
        OfficialImporter.importModel(TINY.resolve("G_A.pth"), TINY.resolve("G_B.pth"), dir, OfficialFixtures.TINY, "a", "b");
        var weights = new java.util.LinkedHashMap<>(ModelDirectory.readWeights(dir, ModelDirectory.G_B_FILE));
        weights.remove("decoder.gdwct_modules.2.alpha");
        io.gdwct.model.checkpoint.SafetensorsWriter.write(dir.resolve(ModelDirectory.G_B_FILE), weights, Map.of());
        IOException e = assertThrows(IOException.class, () -> GdwctModel.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("missing tensor 'decoder.gdwct_modules.2.alpha'"), e.getMessage());
    }
}
