package io.gdwct.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdwct.model.OfficialFixtures;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training step 0 in float64 against the official code run in float64 on the same fixture
 * (tiny/train_step0_reference.json, made by tools/reference/train_step0.py; see
 * docs/implementation-notes.md). In float32 the per-parameter gradient norms of this tiny random
 * model are dominated by rounding (the official code's own float64 and float32 runs differ by
 * more than 1e-3 on 164 of 324 parameters), so the per-parameter criterion is checked
 * here, where rounding is ~1e-16 and a 1e-7 input perturbation moves no norm by more than 1.3e-4.
 */
class TrainStepFloat64ParityTest {
    /** Measured worst 4e-10 (whitening_reg): DJL passes the LeakyReLU slope 0.01 as a float. */
    private static final double LOSS_REL = 1e-9;
    private static JsonNode ref;
    private static TrainStepZero.Result ours;

    @BeforeAll
    static void runStepZero() throws Exception {
        ref = new ObjectMapper().readTree(
                OfficialFixtures.dir("tiny").resolve("train_step0_reference.json").toFile());
        ours = TrainStepZero.run(DataType.FLOAT64);
    }

    @Test
    void lossTermsTotalAndDiscriminatorLossMatch() {
        List<String> failures = new ArrayList<>();
        JsonNode terms = ref.get("loss_terms");
        double worst = 0;
        for (Iterator<String> it = terms.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            worst = Math.max(worst, TrainStepZero.check(failures, name, ours.losses().get(name), terms.get(name).asDouble(), LOSS_REL));
        }
        for (String name : List.of("g_total", "d_loss")) {
            worst = Math.max(worst, TrainStepZero.check(failures, name, ours.losses().get(name), ref.get(name).asDouble(), LOSS_REL));
        }
        System.out.println("float64 step 0: worst loss relative error " + worst);
        assertEquals(7, terms.size(), "seven generator loss terms in the reference");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The criterion: 1e-3 relative where the reference exceeds 1e-4, else below 1e-5. */
    @Test
    void eachGeneratorGradientNormMatches() {
        List<String> failures = new ArrayList<>();
        double worst = 0;
        String worstName = "";
        double worstZero = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("grad_l2_norms").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Double got = ours.gradNorms().get(e.getKey());
            double want = e.getValue().asDouble();
            if (got == null) {
                failures.add("no parameter " + e.getKey());
            } else if (want > 1e-4) {
                double err = TrainStepZero.check(failures, e.getKey(), got, want, 1e-3);
                if (err > worst) {
                    worst = err;
                    worstName = e.getKey();
                }
            } else {
                worstZero = Math.max(worstZero, got);
                if (got >= 1e-5) {
                    failures.add(e.getKey() + ": " + got + " should be ~0 (reference " + want + ")");
                }
            }
        }
        System.out.println("float64 step 0: worst gradient-norm relative error " + worst + " (" + worstName
                + "), largest true-zero gradient " + worstZero);
        assertEquals(ref.get("grad_l2_norms").size(), ours.gradNorms().size(), "parameter count");
        assertTrue(failures.isEmpty(), failures.size() + " parameters off:\n" + String.join("\n", failures));
    }
}
