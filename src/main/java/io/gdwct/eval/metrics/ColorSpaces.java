package io.gdwct.eval.metrics;

import io.gdwct.image.RgbImage;

/**
 * Colour conversions used by the metrics.
 *
 * <p><b>sRGB → CIE Lab</b>: each 8-bit channel v is scaled to c = v / 255 and gamma-decoded
 * (c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4), converted to XYZ with the IEC 61966-2-1
 * sRGB matrix, divided by the D65 white, and mapped with the CIE 1976 formulas
 * L* = 116 f(Y/Yn) − 16, a* = 500 (f(X/Xn) − f(Y/Yn)), b* = 200 (f(Y/Yn) − f(Z/Zn)),
 * f(t) = t^(1/3) above (6/29)^3 and t / (3 (6/29)^2) + 4/29 below. L* lies in 0..100.
 *
 * <p><b>Luminance</b> for SSIM is the Rec. 601 luma Y = 0.299 R + 0.587 G + 0.114 B on 0..255.
 *
 * <p>Planar layouts: {@link #toLab} returns {@code [3][H * W]}, planes L*, a*, b*, each row-major
 * (index y * W + x); {@link #luminance} returns one row-major plane {@code [H * W]}.
 */
public final class ColorSpaces {

    // sRGB (linear) -> XYZ, IEC 61966-2-1.
    private static final double[][] RGB_TO_XYZ = {
        {0.4124564, 0.3575761, 0.1804375},
        {0.2126729, 0.7151522, 0.0721750},
        {0.0193339, 0.1191920, 0.9503041},
    };

    // D65 white taken as the row sums of the matrix (0.95047, 1.0000001, 1.08883), i.e. the image of
    // sRGB white itself: this is the D65 white to the matrix's precision, and it makes pure white map
    // to exactly (100, 0, 0) instead of being off by the rounding of two independently quoted constants.
    private static final double XN = rowSum(0);
    private static final double YN = rowSum(1);
    private static final double ZN = rowSum(2);

    private static final double DELTA = 6.0 / 29.0;
    private static final double DELTA_CUBED = DELTA * DELTA * DELTA;

    /** Gamma-decoded linear value of each 8-bit code: 256 entries, so decoding is one lookup. */
    private static final double[] LINEAR = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            double c = v / 255.0;
            LINEAR[v] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private ColorSpaces() {}

    private static double rowSum(int row) {
        return RGB_TO_XYZ[row][0] + RGB_TO_XYZ[row][1] + RGB_TO_XYZ[row][2];
    }

    /** Gamma-decoded (linear-light) sRGB value in [0, 1] of an 8-bit code 0..255. */
    public static double srgbToLinear(int code) {
        return LINEAR[code];
    }

    /** CIE Lab {L*, a*, b*} of one 8-bit sRGB colour (each channel 0..255). */
    public static double[] lab(int r, int g, int b) {
        double[] out = new double[3];
        labInto(r, g, b, out);
        return out;
    }

    private static void labInto(int r, int g, int b, double[] out) {
        double lr = LINEAR[r];
        double lg = LINEAR[g];
        double lb = LINEAR[b];
        double fx = f((RGB_TO_XYZ[0][0] * lr + RGB_TO_XYZ[0][1] * lg + RGB_TO_XYZ[0][2] * lb) / XN);
        double fy = f((RGB_TO_XYZ[1][0] * lr + RGB_TO_XYZ[1][1] * lg + RGB_TO_XYZ[1][2] * lb) / YN);
        double fz = f((RGB_TO_XYZ[2][0] * lr + RGB_TO_XYZ[2][1] * lg + RGB_TO_XYZ[2][2] * lb) / ZN);
        out[0] = 116.0 * fy - 16.0;
        out[1] = 500.0 * (fx - fy);
        out[2] = 200.0 * (fy - fz);
    }

    private static double f(double t) {
        return t > DELTA_CUBED ? Math.cbrt(t) : t / (3.0 * DELTA * DELTA) + 4.0 / 29.0;
    }

    /** The image in CIE Lab, planar {@code [3][H * W]}: planes L*, a*, b*, each row-major. */
    public static float[][] toLab(RgbImage image) {
        int n = image.width() * image.height();
        byte[] rgb = image.rgb();
        float[][] lab = new float[3][n];
        double[] px = new double[3];
        for (int i = 0; i < n; i++) {
            labInto(rgb[3 * i] & 0xff, rgb[3 * i + 1] & 0xff, rgb[3 * i + 2] & 0xff, px);
            lab[0][i] = (float) px[0];
            lab[1][i] = (float) px[1];
            lab[2][i] = (float) px[2];
        }
        return lab;
    }

    /** Lab lightness L* / 100, in [0, 1], as one row-major plane {@code [H * W]} (the Gabor input). */
    public static float[] lightness01(RgbImage image) {
        int n = image.width() * image.height();
        byte[] rgb = image.rgb();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double y = RGB_TO_XYZ[1][0] * LINEAR[rgb[3 * i] & 0xff]
                    + RGB_TO_XYZ[1][1] * LINEAR[rgb[3 * i + 1] & 0xff]
                    + RGB_TO_XYZ[1][2] * LINEAR[rgb[3 * i + 2] & 0xff];
            out[i] = (float) ((116.0 * f(y / YN) - 16.0) / 100.0);
        }
        return out;
    }

    /** Rec. 601 luma Y = 0.299 R + 0.587 G + 0.114 B on 0..255, one row-major plane {@code [H * W]}. */
    public static float[] luminance(RgbImage image) {
        int n = image.width() * image.height();
        byte[] rgb = image.rgb();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (0.299 * (rgb[3 * i] & 0xff) + 0.587 * (rgb[3 * i + 1] & 0xff)
                    + 0.114 * (rgb[3 * i + 2] & 0xff));
        }
        return out;
    }
}
