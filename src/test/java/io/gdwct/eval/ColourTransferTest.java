package io.gdwct.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gdwct.image.LuminanceCorrelation;
import io.gdwct.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The colour-transfer baseline against its closed form. */
class ColourTransferTest {

    private static RgbImage random(int w, int h, long seed, int lo, int span) {
        Random r = new Random(seed);
        byte[] p = new byte[w * h * 3];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (lo + r.nextInt(span));
        }
        return new RgbImage(w, h, p);
    }

    @Test
    void outputTakesTheExemplarsChannelMeansAndDeviations() {
        RgbImage content = random(40, 30, 1, 20, 200);
        RgbImage exemplar = random(25, 35, 2, 100, 60); // mid-grey, low contrast: no clamping happens
        RgbImage out = ColourTransfer.apply(content, exemplar);
        double[][] e = ColourTransfer.channelStats(exemplar);
        double[][] o = ColourTransfer.channelStats(out);
        for (int ch = 0; ch < 3; ch++) {
            assertEquals(e[0][ch], o[0][ch], 0.5, "mean of channel " + ch); // rounding to bytes only
            assertEquals(e[1][ch], o[1][ch], 0.5, "deviation of channel " + ch);
        }
        assertEquals(content.width(), out.width());
        assertEquals(content.height(), out.height());
    }

    @Test
    void knownPixelsMapAsTheFormulaSays() {
        // content channel values 0 and 100 (mean 50, sd 50); exemplar 100 and 140 (mean 120, sd 20)
        RgbImage content = new RgbImage(2, 1, new byte[] {0, 0, 0, 100, 100, 100});
        RgbImage exemplar = new RgbImage(2, 1, new byte[] {100, 100, 100, (byte) 140, (byte) 140, (byte) 140});
        RgbImage out = ColourTransfer.apply(content, exemplar);
        assertEquals(100, out.get(0, 0, 0));
        assertEquals(140, out.get(1, 0, 2));
    }

    @Test
    void keepsTheContentsTonesWhenNoChannelClamps() {
        RgbImage content = random(32, 32, 3, 0, 256);
        RgbImage out = ColourTransfer.apply(content, random(32, 32, 4, 90, 80));
        assertEquals(1.0, LuminanceCorrelation.of(content, out), 0.02);
    }

    @Test
    void flatContentBecomesTheExemplarsMean() {
        RgbImage flat = new RgbImage(2, 2, new byte[] {50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50});
        RgbImage exemplar = new RgbImage(2, 1, new byte[] {10, 20, 30, 30, 40, 50});
        RgbImage out = ColourTransfer.apply(flat, exemplar);
        assertEquals(20, out.get(1, 1, 0));
        assertEquals(30, out.get(0, 1, 1));
        assertEquals(40, out.get(1, 0, 2));
    }
}
