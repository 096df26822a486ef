package io.gdwct.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.image.RgbImage;
import org.junit.jupiter.api.Test;

class GaborBankTest {

    private final GaborBank bank = GaborBank.standard();

    private static double[] meanAbs(float[][] responses) {
        double[] m = new double[responses.length];
        for (int c = 0; c < responses.length; c++) {
            for (float v : responses[c]) {
                m[c] += Math.abs(v);
            }
            m[c] /= responses[c].length;
        }
        return m;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void bankHasTwelveChannelsInDocumentedOrder() {
        assertEquals(12, bank.size());
        assertEquals(3, bank.stride());
        assertEquals(0, GaborBank.channel(4, 0));
        assertEquals(5, GaborBank.channel(8, 45));
        assertEquals(11, GaborBank.channel(16, 135));
        assertEquals(8.0, GaborBank.wavelength(6));
        assertEquals(90.0, GaborBank.orientationDegrees(6));
    }

    @Test
    void gridLayoutFollowsStride() {
        float[][] r = bank.responses(TestImages.scene(10, 7));
        assertEquals(12, r.length);
        assertEquals(4 * 3, r[0].length); // x ∈ {0, 3, 6, 9}, y ∈ {0, 3, 6}
    }

    @Test
    void kernelsAreZeroMeanWithUnitL1AndDocumentedSize() {
        int[] expectedTaps = {280, 1130, 4540}; // class Javadoc: "about 280, 1130 and 4540"
        for (int l = 0; l < 3; l++) {
            for (double deg : GaborBank.ORIENTATIONS_DEG) {
                double lambda = GaborBank.WAVELENGTHS[l];
                GaborKernel k = GaborKernel.build(lambda, Math.toRadians(deg), 0.56 * lambda, 0.5, 3);
                double sum = 0;
                double l1 = 0;
                for (double w : k.weights()) { // each stored tap is a ± pair; the centre is stored halved
                    sum += 2 * w;
                    l1 += 2 * Math.abs(w);
                }
                assertEquals(0, sum, 1e-12);
                assertEquals(1, l1, 1e-12);
                assertEquals(expectedTaps[l], k.fullTaps(), 0.02 * expectedTaps[l], "taps at λ=" + lambda + " θ=" + deg);
            }
        }
    }

    @Test
    void flatImageRespondsZeroEverywhere() {
        for (RgbImage flat : new RgbImage[] {TestImages.flat(40, 30, 200, 120, 40), TestImages.flat(5, 3, 255, 255, 255)}) {
            for (float[] channel : bank.responses(flat)) {
                for (float v : channel) {
                    assertEquals(0, v, 1e-6);
                }
            }
        }
    }

    @Test
    void verticalStripesOfPeriod8PeakAtWavelength8Orientation0() {
        // θ is the wave-vector direction: vertical stripes vary along x, i.e. θ = 0°.
        double[] m = meanAbs(bank.responses(TestImages.stripes(96, 96, 8, true)));
        assertEquals(GaborBank.channel(8, 0), argmax(m));
        assertTrue(m[GaborBank.channel(8, 0)] > 5 * m[GaborBank.channel(8, 90)], "orientation selectivity");
        assertTrue(m[GaborBank.channel(8, 0)] > 3 * m[GaborBank.channel(16, 0)], "scale selectivity");
    }

    @Test
    void horizontalStripesOfPeriod16PeakAtWavelength16Orientation90() {
        double[] m = meanAbs(bank.responses(TestImages.stripes(96, 96, 16, false)));
        assertEquals(GaborBank.channel(16, 90), argmax(m));
    }

    @Test
    void diagonalStripesPeakAtTheirDocumentedOrientation() {
        // Luminance varying along x + y: stripes "/" on screen, wave vector at 45°.
        RgbImage diag = TestImages.of(96, 96, (x, y) -> {
            int v = (int) (125 + 100 * Math.cos(2 * Math.PI * (x + y) / (8 * Math.sqrt(2))));
            return new int[] {v, v, v};
        });
        assertEquals(GaborBank.channel(8, 45), argmax(meanAbs(bank.responses(diag))));
    }

    @Test
    void reflectIndexRepeatsForOffsetsBeyondTheImage() {
        assertEquals(1, GaborBank.reflect(-1, 5));
        assertEquals(3, GaborBank.reflect(5, 5));
        assertEquals(0, GaborBank.reflect(8, 5));
        assertEquals(1, GaborBank.reflect(-9, 5));
        assertEquals(0, GaborBank.reflect(17, 1));
    }

    @Test
    void textureGaussianIsTwelveDimensionalAndZeroForFlatImages() {
        Gaussian g = bank.textureGaussian(TestImages.flat(30, 30, 10, 20, 30));
        assertEquals(12, g.dimension());
        for (int i = 0; i < 12; i++) {
            assertEquals(0, g.mean()[i], 1e-6);
        }
        Gaussian t = bank.textureGaussian(TestImages.scene(40, 40));
        assertEquals(12, t.cov().length);
        assertEquals(12, t.cov()[11].length);
    }
}
