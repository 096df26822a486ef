package io.gdwct.eval;

import io.gdwct.image.RgbImage;

/**
 * The trivial baseline every evaluation can print beside the model ({@code --baseline
 * colour-transfer}): each RGB channel of the content is shifted and scaled to the exemplar's
 * channel mean and standard deviation, {@code out = (x − μc) · σe / σc + μe}, then rounded and
 * clamped to 0..255. No learning, no texture; a model that does not beat it on a metric has not
 * learned that metric's part of style transfer.
 *
 * <p>A flat content channel (σc = 0) becomes the exemplar's mean.
 */
public final class ColourTransfer {

    /** The name reports use for this baseline. */
    public static final String NAME = "colour-transfer";

    private ColourTransfer() {}

    public static RgbImage apply(RgbImage content, RgbImage exemplar) {
        double[][] c = channelStats(content);
        double[][] e = channelStats(exemplar);
        byte[] in = content.rgb();
        byte[] out = new byte[in.length];
        for (int ch = 0; ch < 3; ch++) {
            double gain = c[1][ch] > 0 ? e[1][ch] / c[1][ch] : 0;
            for (int i = ch; i < in.length; i += 3) {
                double v = ((in[i] & 0xff) - c[0][ch]) * gain + e[0][ch];
                out[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return new RgbImage(content.width(), content.height(), out);
    }

    /** {means, standard deviations} per channel (population σ). */
    static double[][] channelStats(RgbImage img) {
        byte[] p = img.rgb();
        int n = img.width() * img.height();
        double[] sum = new double[3];
        double[] sq = new double[3];
        for (int i = 0; i < p.length; i++) {
            double v = p[i] & 0xff;
            sum[i % 3] += v;
            sq[i % 3] += v * v;
        }
        double[][] out = new double[2][3];
        for (int ch = 0; ch < 3; ch++) {
            out[0][ch] = sum[ch] / n;
            out[1][ch] = Math.sqrt(Math.max(0, sq[ch] / n - out[0][ch] * out[0][ch]));
        }
        return out;
    }
}
