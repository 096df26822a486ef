package io.gdwct.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preset, file and flag layers of the training config, and configs saved before a setting existed. */
class TrainingConfigsTest {

    @Test
    void presetsKeepTheOfficialLossesAndFlagsOverrideThem() throws Exception {
        assertEquals(0, TrainingConfigs.build("official", null, Map.of()).lambdaStructure());
        assertEquals(0, TrainingConfigs.build("cpu-small", null, Map.of()).lambdaStructure());
        TrainingConfig c = TrainingConfigs.build("cpu-small", null, Map.of("lambdaStructure", 2.0, "iterations", 7L));
        assertEquals(2.0, c.lambdaStructure());
        assertEquals(7, c.iterations());
        assertEquals(128, c.imageSize(), "the preset's other settings stay");
    }

    @Test
    void aConfigSavedBeforeTheStructureLossExistedResumesWithItOff(@TempDir Path tmp) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TrainingConfig saved = TrainingConfigs.build("cpu-small", null, Map.of("lambdaXRec", 5.0));
        ObjectNode tree = json.valueToTree(saved);
        tree.remove("lambdaStructure"); // as in checkpoints written before the setting existed
        Path file = tmp.resolve("old.json");
        Files.writeString(file, json.writeValueAsString(tree));
        TrainingConfig c = TrainingConfigs.build("official", file, Map.of());
        assertEquals(0, c.lambdaStructure());
        assertEquals(5.0, c.lambdaXRec());
        assertEquals(saved.model(), c.model());
    }

    @Test
    void badValuesAndUnknownKeysAreErrorsThatNameThem(@TempDir Path tmp) throws Exception {
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigs.build("cpu-small", null, Map.of("lambdaStructure", -1.0)));
        assertTrue(neg.getMessage().contains("lambdaStructure must be >= 0"), neg.getMessage());
        Path file = tmp.resolve("typo.yaml");
        Files.writeString(file, "lambdaStructur: 2\n");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigs.build("cpu-small", file, Map.of()));
        assertTrue(typo.getMessage().contains("unknown training setting 'lambdaStructur'"), typo.getMessage());
    }
}
