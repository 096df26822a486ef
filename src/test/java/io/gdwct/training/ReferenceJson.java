package io.gdwct.training;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the reference JSON files that tools/reference/*.py write into src/test/resources/training. */
final class ReferenceJson {
    private ReferenceJson() {}

    static JsonNode read(String name) throws IOException {
        return new ObjectMapper().readTree(Path.of("src/test/resources/training", name).toFile());
    }

    static Shape shape(JsonNode dims) {
        long[] s = new long[dims.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = dims.get(i).asLong();
        }
        return new Shape(s);
    }

    static double[] doubles(JsonNode arr) {
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).asDouble();
        }
        return out;
    }

    /** The largest absolute difference of two equally long arrays. */
    static double maxAbsDiff(double[] want, double[] got) {
        if (want.length != got.length) {
            throw new AssertionError("sizes differ: " + want.length + " and " + got.length);
        }
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - want[i]));
        }
        return worst;
    }
}
