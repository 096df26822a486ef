package io.gdwct.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The start-up convolution check: rounding passes, a wrong CPU is refused with the fix in the
 * message, and this build's own test environment (oneDNN capped by pom.xml on AVX-512 machines)
 * passes the real measurement.
 */
class ConvolutionCheckTest {

    @Test
    void roundingPassesAndAWrongConvolutionIsRefusedWithTheFix() {
        assertNull(ConvolutionCheck.verdict(3e-7));
        String m = ConvolutionCheck.verdict(0.037);
        assertTrue(m.contains("0.037") && m.contains("ONEDNN_MAX_CPU_ISA=SSE41"), m);
        assertTrue(ConvolutionCheck.verdict(Double.POSITIVE_INFINITY) != null, "NaN outputs count as wrong");
    }

    @Test
    void thisBuildsTestEnvironmentComputesConvolutionsRight() {
        double e = ConvolutionCheck.worstRelativeError();
        assertTrue(e < ConvolutionCheck.TOLERANCE, "float32 convolutions " + e + " off float64 with ONEDNN_MAX_CPU_ISA="
                + System.getenv("ONEDNN_MAX_CPU_ISA"));
        assertDoesNotThrow(() -> ConvolutionCheck.ensureCorrect());
        assertTrue(e > 0, "float32 and float64 should differ by rounding: the check compares two precisions");
    }

    @Test
    void anUnknownPolicyIsAConfigurationError() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ConvolutionCheck.ensureCorrect("maybe"));
        assertTrue(ex.getMessage().contains("fail, warn or off"), ex.getMessage());
    }
}
