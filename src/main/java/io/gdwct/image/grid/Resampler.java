package io.gdwct.image.grid;

import io.gdwct.image.RgbImage;

/**
 * Bilinear resizing of {@link RgbImage}s, enough for preview grids; kept here so this package
 * needs neither OpenCV nor AWT to compose images.
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * Resizes with bilinear interpolation, sampling at pixel centres so that the image does not
     * shift by half a pixel. It does not low-pass first, so large reductions (over 2x) alias
     * somewhat; preview cells are usually a modest change from the training crop size.
     */
    static RgbImage resize(RgbImage src, int width, int height) {
        if (src.width() == width && src.height() == height) {
            return src;
        }
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        float[] fx = new float[width];
        axis(src.width(), width, x0, x1, fx);
        int[] y0 = new int[height];
        int[] y1 = new int[height];
        float[] fy = new float[height];
        axis(src.height(), height, y0, y1, fy);
        byte[] out = new byte[width * height * 3];
        int o = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    float top = lerp(src.get(x0[x], y0[y], c), src.get(x1[x], y0[y], c), fx[x]);
                    float bottom = lerp(src.get(x0[x], y1[y], c), src.get(x1[x], y1[y], c), fx[x]);
                    out[o++] = (byte) Math.round(lerp(top, bottom, fy[y]));
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /** For every destination index: the two source neighbours and the weight of the second. */
    private static void axis(int srcLen, int dstLen, int[] lo, int[] hi, float[] frac) {
        double scale = (double) srcLen / dstLen;
        for (int i = 0; i < dstLen; i++) {
            double s = (i + 0.5) * scale - 0.5;
            s = Math.max(0, Math.min(srcLen - 1, s));
            lo[i] = (int) Math.floor(s);
            hi[i] = Math.min(lo[i] + 1, srcLen - 1);
            frac[i] = (float) (s - lo[i]);
        }
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }
}
