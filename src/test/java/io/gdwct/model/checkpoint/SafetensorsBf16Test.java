package io.gdwct.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tensors marked bfloat16 are stored in 2 bytes each and read back within bf16 precision. */
class SafetensorsBf16Test {

    @Test
    void bfloat16TensorsRoundTripWithinBf16Precision(@TempDir Path dir) throws Exception {
        float[] values = {1f, 3.14159265f, -2.5e-8f, 65504f, 0f, -1.0e30f, 1.00390625f};
        LinkedHashMap<String, HostTensor> t = new LinkedHashMap<>();
        t.put("m", new HostTensor("bfloat16", new long[] {values.length}, values));
        t.put("w", HostTensor.ofFloat32(new long[] {2}, new float[] {0.1f, 0.2f}));
        Path f = dir.resolve("x.safetensors");
        SafetensorsWriter.write(f, t, Map.of());

        SafetensorsFile back = SafetensorsReader.read(f);
        float[] m = back.tensors().get("m").data();
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], m[i], Math.abs(values[i]) / 256f, "element " + i);
        }
        assertEquals(1.0078125f, roundTrip(dir, 1.005859375f), 0f, "rounds to the nearest bf16 value");
        assertEquals(0.1f, back.tensors().get("w").data()[0], 0f, "float32 tensors stay exact");
        long header = Files.size(f) - 2L * values.length - 4L * 2;
        assertTrue(header > 0 && header % 8 == 0, "2 bytes per bf16 element after an 8-aligned header");
    }

    private static float roundTrip(Path dir, float v) throws Exception {
        LinkedHashMap<String, HostTensor> t = new LinkedHashMap<>();
        t.put("x", new HostTensor("bfloat16", new long[] {1}, new float[] {v}));
        Path f = dir.resolve("y.safetensors");
        SafetensorsWriter.write(f, t, Map.of());
        return SafetensorsReader.read(f).tensors().get("x").data()[0];
    }
}
