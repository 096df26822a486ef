package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.TestFiles.official;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reads the official GDWCT fixture checkpoints (zip and legacy) and checks them against the README. */
class TorchCheckpointReaderTest {

    private static final String[] NORM_IN = {"weight", "bias", "running_mean", "running_var", "num_batches_tracked"};

    /** The generator's keys in state_dict order, built from the README's layout (norm before conv). */
    static List<String> expectedGeneratorKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            convBlock(keys, "c_encoder.main." + i, NORM_IN);
        }
        for (int i = 3; i <= 6; i++) {
            for (int j = 0; j <= 1; j++) {
                convBlock(keys, "c_encoder.main." + i + ".main." + j, NORM_IN);
            }
        }
        convBlock(keys, "s_encoder.main.0");
        for (int i = 1; i <= 4; i++) {
            convBlock(keys, "s_encoder.main." + i, "weight", "bias");
        }
        for (int i = 0; i <= 3; i++) {
            for (int j = 0; j <= 1; j++) {
                convBlock(keys, "decoder.resblocks." + i + ".main." + j);
            }
        }
        for (int k = 0; k <= 4; k++) {
            String m = "decoder.gdwct_modules." + k;
            keys.add(m + ".alpha");
            for (int i = 0; i <= 4; i++) {
                keys.add(m + ".mlp_CT.main." + i + ".fc.weight");
                keys.add(m + ".mlp_CT.main." + i + ".fc.bias");
            }
            for (int i = 0; i <= 2; i++) {
                keys.add(m + ".mlp_mu.main." + i + ".fc.weight");
                keys.add(m + ".mlp_mu.main." + i + ".fc.bias");
            }
        }
        convBlock(keys, "decoder.main.1", "weight", "bias");
        convBlock(keys, "decoder.main.3", "weight", "bias");
        convBlock(keys, "decoder.main.4");
        return keys;
    }

    private static void convBlock(List<String> keys, String prefix, String... norm) {
        for (String n : norm) {
            keys.add(prefix + ".norm." + n);
        }
        keys.add(prefix + ".conv.weight");
        keys.add(prefix + ".conv.bias");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny/G_A.pth", "tiny/G_B.pth", "tiny-nonsquare/G_A.pth", "tiny-legacy/G_A.pth"})
    void generatorKeysFollowTheReadmeLayoutInFileOrder(String path) throws IOException {
        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(official(path));
        assertEquals(expectedGeneratorKeys(), new ArrayList<>(sd.keySet()));
        assertEquals("c_encoder.main.0.norm.weight", sd.keySet().iterator().next());
    }

    @Test
    void zipGeneratorShapesDtypesAndValues() throws IOException {
        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(official("tiny/G_A.pth"));
        assertEquals(206, sd.size());

        HostTensor conv = sd.get("c_encoder.main.0.conv.weight");
        assertEquals("(8, 3, 7, 7)", conv.shapeString());
        assertEquals("float32", conv.dtype());
        // first elements, read from the raw storage bytes with Python's struct module
        assertEquals(-0.14229092001914978f, conv.data()[0]);
        assertEquals(-0.04328543320298195f, conv.data()[1]);
        assertEquals(0.0851036086678505f, conv.data()[2]);

        HostTensor alpha = sd.get("decoder.gdwct_modules.0.alpha");
        assertArrayEquals(new long[] {1}, alpha.shape());
        assertEquals("(1)", alpha.shapeString());
        assertEquals(0.21289825439453125f, alpha.data()[0]);

        HostTensor tracked = sd.get("c_encoder.main.0.norm.num_batches_tracked");
        assertEquals("int64", tracked.dtype());
        assertEquals(0, tracked.rank());
        assertEquals("()", tracked.shapeString());
        assertEquals(1, tracked.numel());

        HostTensor ct = sd.get("decoder.gdwct_modules.0.mlp_CT.main.4.fc.weight");
        assertEquals("(64, 16)", ct.shapeString());
        assertEquals(-0.4957228899002075f, ct.data()[0]);
        assertEquals(-0.3537243604660034f, ct.data()[2]);

        assertEquals("(16, 32, 5, 5)", sd.get("decoder.main.1.conv.weight").shapeString());
        assertEquals("(3, 8, 7, 7)", sd.get("decoder.main.4.conv.weight").shapeString());
        long int64 = sd.values().stream().filter(t -> t.dtype().equals("int64")).count();
        assertEquals(11, int64, "one num_batches_tracked per content-encoder InstanceNorm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny/G_A.pth", "tiny/G_B.pth"})
    void everyAlphaLiesInTheFixtureRange(String path) throws IOException {
        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(official(path));
        for (int k = 0; k <= 4; k++) {
            float a = sd.get("decoder.gdwct_modules." + k + ".alpha").data()[0];
            assertTrue(a >= 0.1f && a <= 0.9f, "alpha " + k + " = " + a);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny/D_A.pth", "tiny/D_B.pth"})
    void discriminatorKeysFollowTheReadmeLayout(String path) throws IOException {
        LinkedHashMap<String, HostTensor> sd = TorchCheckpointReader.read(official(path));
        List<String> expected = new ArrayList<>();
        for (int s = 0; s <= 2; s++) {
            for (int l = 0; l <= 3; l++) {
                expected.add("cnns." + s + "." + l + ".conv.weight");
                expected.add("cnns." + s + "." + l + ".conv.bias");
            }
            expected.add("cnns." + s + ".4.weight");
            expected.add("cnns." + s + ".4.bias");
        }
        assertEquals(expected, new ArrayList<>(sd.keySet()));
        assertEquals("(8, 3, 4, 4)", sd.get("cnns.0.0.conv.weight").shapeString());
        assertEquals("(1, 64, 1, 1)", sd.get("cnns.2.4.weight").shapeString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"G_A.pth", "G_B.pth"})
    void legacyFormatGivesBitIdenticalTensors(String name) throws IOException {
        LinkedHashMap<String, HostTensor> zip = TorchCheckpointReader.read(official("tiny/" + name));
        LinkedHashMap<String, HostTensor> legacy = TorchCheckpointReader.read(official("tiny-legacy/" + name));
        assertEquals(new ArrayList<>(zip.keySet()), new ArrayList<>(legacy.keySet()));
        for (Map.Entry<String, HostTensor> e : zip.entrySet()) {
            HostTensor a = e.getValue();
            HostTensor b = legacy.get(e.getKey());
            assertEquals(a.dtype(), b.dtype(), e.getKey());
            assertArrayEquals(a.shape(), b.shape(), e.getKey());
            for (int i = 0; i < a.data().length; i++) {
                assertEquals(Float.floatToRawIntBits(a.data()[i]), Float.floatToRawIntBits(b.data()[i]), e.getKey());
            }
        }
    }

    @Test
    void generatorsDifferFromEachOther() throws IOException {
        HostTensor a = TorchCheckpointReader.read(official("tiny/G_A.pth")).get("c_encoder.main.0.conv.weight");
        HostTensor b = TorchCheckpointReader.read(official("tiny/G_B.pth")).get("c_encoder.main.0.conv.weight");
        HostTensor n = TorchCheckpointReader.read(official("tiny-nonsquare/G_A.pth")).get("c_encoder.main.0.conv.weight");
        assertNotEquals(a, b);
        assertNotEquals(a, n);
    }
}
