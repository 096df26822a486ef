package io.gdwct.model;

import static io.gdwct.model.OfficialFixtures.array;
import static io.gdwct.model.OfficialFixtures.maxAbsDiff;
import static io.gdwct.model.OfficialFixtures.npy;
import static io.gdwct.model.OfficialFixtures.tolerance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.gdwct.model.checkpoint.HostTensor;
import io.gdwct.model.nn.Decoder;
import io.gdwct.model.nn.Generator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generator reproduces the official implementation's eval-mode outputs, per sample: content
 * code, style code, first module's covariance and U, x_AB and x_BA.
 */
class GeneratorParityTest {

    @ParameterizedTest(name = "{0} sample {1}")
    @CsvSource({"tiny, 0", "tiny, 1", "tiny-nonsquare, 0", "tiny-nonsquare, 1"})
    void reproducesOfficialEvalOutputs(String fixture, int i) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Generator gA = OfficialFixtures.generator(m, fixture, "G_A.pth");
            Generator gB = OfficialFixtures.generator(m, fixture, "G_B.pth");
            NDArray xA = array(m, fixture, "x_A.npy").get(new NDIndex("{}:{}", i, i + 1));
            NDArray xB = array(m, fixture, "x_B.npy").get(new NDIndex("{}:{}", i, i + 1));

            NDArray cA = gA.contentEncoder().encode(xA, false, 0);
            NDArray sB = gB.styleEncoder().encode(xB);
            Decoder.Output ab = gB.decoder().decode(cA, sB, false, 1f, true);
            NDArray xBA = gA.decoder().decode(gB.contentEncoder().encode(xB, false, 0),
                    gA.styleEncoder().encode(xA), false, 1f, false).image();

            check(fixture, i, "c_A", cA);
            check(fixture, i, "s_B", sB);
            check(fixture, i, "cov0_AB", ab.covariances().get(0));
            check(fixture, i, "U0_AB", ab.coloringBases().get(0));
            check(fixture, i, "x_AB", ab.image());
            check(fixture, i, "x_BA", xBA);
        }
    }

    private static void check(String fixture, int i, String name, NDArray actual) throws Exception {
        HostTensor ref = npy(fixture, "eval" + i + "_" + name + ".npy");
        float[] got = actual.toFloatArray();
        assertArrayEquals(new long[] {ref.numel()}, new long[] {got.length}, name + " element count");
        double err = maxAbsDiff(got, ref.data());
        double tol = tolerance(ref.data());
        assertTrue(err <= tol, fixture + " sample " + i + " " + name + ": max abs error " + err + " > " + tol);
    }
}
