package io.gdwct.eval.metrics;

import io.gdwct.image.RgbImage;

/**
 * A fixed bank of real (even, cosine) Gabor filters applied to lightness, whose absolute responses
 * describe texture.
 *
 * <p><b>The standard bank</b> ({@link #standard()}), 12 filters: wavelengths λ = 4, 8, 16 px ×
 * orientations θ = 0°, 45°, 90°, 135°. Channel {@code i = 4 · (λ index) + (θ index)}, so channel 0
 * is (4 px, 0°), channel 5 is (8 px, 45°), channel 11 is (16 px, 135°).
 * <ul>
 *   <li>Kernel ({@link GaborKernel}): g(x, y) = exp(−(x'² + γ² y'²) / (2σ²)) · cos(2π x' / λ), with
 *       x' = x cos θ + y sin θ, y' = −x sin θ + y cos θ, σ = 0.56 λ (≈ one octave bandwidth),
 *       aspect γ = 0.5 (the envelope is σ across the stripes and σ / γ = 2σ along them).
 *   <li>Orientation convention: x runs right along a row, y runs <em>down</em> the rows; θ is the
 *       direction of the wave vector, i.e. across the stripes. θ = 0° responds to vertical stripes
 *       (intensity varying along x), θ = 90° to horizontal stripes, 45° to stripes running "/" on
 *       screen, 135° to "\".
 *   <li>Support: the taps inside the 3-standard-deviation ellipse x'² + γ² y'² ≤ (3σ)², not a
 *       ceil(3σ) square: with γ = 0.5 a square of half-size 3σ would cut the envelope at 1.5 standard
 *       deviations along the stripes, and a square covering 6σ would spend most taps on near-zero
 *       corners. Tap counts: about 280, 1130 and 4540 for λ = 4, 8, 16.
 *   <li>Normalisation: the taps are made zero-mean (their mean is subtracted, so flat regions respond
 *       exactly 0 up to rounding) and then scaled to unit L1 norm (Σ|w| = 1), so every channel
 *       shares one scale: a response is at most half the local lightness range.
 *   <li>Input: CIE L* / 100, in [0, 1] ({@link ColorSpaces#lightness01}), reflected at the border
 *       without repeating the edge pixel (…, 2, 1 | 0, 1, 2, … ; OpenCV's BORDER_REFLECT_101), as
 *       often as the kernel needs for images smaller than it.
 *   <li>Sampling: responses are computed on the regular grid x, y ∈ {0, s, 2s, …} with stride
 *       s = 3 (row-major over the grid), not at every pixel. The stride buys speed (a direct
 *       convolution with the λ = 16 kernels costs ~4.5k taps per pixel). It is odd on purpose: the
 *       bank's wavelengths are powers of two, so an odd stride visits every phase of a wave at those
 *       wavelengths, whereas stride 2 would see a λ = 4 pattern at only two phases, and the absolute
 *       response of an even filter depends on phase. A 256 × 256 image gives 86 × 86 = 7396 samples.
 * </ul>
 */
public final class GaborBank {

    /** Wavelengths of the standard bank, in pixels. */
    public static final double[] WAVELENGTHS = {4, 8, 16};
    /** Orientations of the standard bank, in degrees (wave-vector direction, see class doc). */
    public static final double[] ORIENTATIONS_DEG = {0, 45, 90, 135};
    /** σ / λ. */
    public static final double SIGMA_PER_WAVELENGTH = 0.56;
    /** Spatial aspect ratio γ. */
    public static final double ASPECT = 0.5;
    /** Envelope truncation, in standard deviations. */
    public static final double TRUNCATION_SIGMAS = 3;
    /** Sampling stride of the standard bank, in pixels. */
    public static final int STANDARD_STRIDE = 3;

    private static final GaborBank STANDARD = new GaborBank(STANDARD_STRIDE);

    private final GaborKernel[] kernels;
    private final int stride;
    private final int reach; // largest |dx| or |dy| over all kernels: the reflect padding needed

    private GaborBank(int stride) {
        this.stride = stride;
        this.kernels = new GaborKernel[WAVELENGTHS.length * ORIENTATIONS_DEG.length];
        int maxReach = 0;
        for (int l = 0; l < WAVELENGTHS.length; l++) {
            for (int o = 0; o < ORIENTATIONS_DEG.length; o++) {
                GaborKernel k = GaborKernel.build(WAVELENGTHS[l], Math.toRadians(ORIENTATIONS_DEG[o]),
                        SIGMA_PER_WAVELENGTH * WAVELENGTHS[l], ASPECT, TRUNCATION_SIGMAS);
                kernels[l * ORIENTATIONS_DEG.length + o] = k;
                maxReach = Math.max(maxReach, k.reach());
            }
        }
        this.reach = maxReach;
    }

    /** The standard 12-filter bank described in the class documentation (stride 3). */
    public static GaborBank standard() {
        return STANDARD;
    }

    /** The standard filters sampled with another stride (1 = every pixel); for tests and studies. */
    public static GaborBank withStride(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        return stride == STANDARD_STRIDE ? STANDARD : new GaborBank(stride);
    }

    /** Number of filters (12). */
    public int size() {
        return kernels.length;
    }

    /** Sampling stride in pixels. */
    public int stride() {
        return stride;
    }

    /** Wavelength in pixels of channel i. */
    public static double wavelength(int channel) {
        return WAVELENGTHS[channel / ORIENTATIONS_DEG.length];
    }

    /** Orientation in degrees of channel i. */
    public static double orientationDegrees(int channel) {
        return ORIENTATIONS_DEG[channel % ORIENTATIONS_DEG.length];
    }

    /** Channel index of a (wavelength, orientation) pair of the standard bank. */
    public static int channel(double wavelength, double orientationDeg) {
        for (int l = 0; l < WAVELENGTHS.length; l++) {
            for (int o = 0; o < ORIENTATIONS_DEG.length; o++) {
                if (WAVELENGTHS[l] == wavelength && ORIENTATIONS_DEG[o] == orientationDeg) {
                    return l * ORIENTATIONS_DEG.length + o;
                }
            }
        }
        throw new IllegalArgumentException("no filter with wavelength " + wavelength + " and orientation " + orientationDeg);
    }

    /** Number of grid samples along a side of n pixels: positions 0, s, 2s, … < n. */
    public int samplesAlong(int n) {
        return (n + stride - 1) / stride;
    }

    /** Signed responses of every filter for an image's lightness; see {@link #responses(float[], int, int)}. */
    public float[][] responses(RgbImage image) {
        return responses(ColorSpaces.lightness01(image), image.width(), image.height());
    }

    /**
     * Signed filter responses on the sampling grid.
     *
     * @param luminance row-major plane {@code [height * width]} (the standard input is L* / 100)
     * @return planar {@code [12][samplesAlong(height) * samplesAlong(width)]}: channel first, then
     *     grid samples row-major (sample (gx, gy) is pixel (gx · stride, gy · stride))
     */
    public float[][] responses(float[] luminance, int width, int height) {
        if (width <= 0 || height <= 0 || luminance.length != width * height) {
            throw new IllegalArgumentException("luminance has " + luminance.length + " values, expected "
                    + width + "x" + height);
        }
        int pw = width + 2 * reach;
        float[] padded = pad(luminance, width, height, pw);
        int gw = samplesAlong(width);
        int gh = samplesAlong(height);
        float[][] out = new float[size()][gw * gh];
        for (int f = 0; f < size(); f++) {
            // Offsets into the padded plane, so the inner loop is one indexed multiply-add per tap.
            GaborKernel kernel = kernels[f];
            int[] off = new int[kernel.weights().length];
            for (int k = 0; k < off.length; k++) {
                off[k] = kernel.dy()[k] * pw + kernel.dx()[k];
            }
            double[] w = kernel.weights();
            float[] dst = out[f];
            for (int gy = 0; gy < gh; gy++) {
                for (int gx = 0; gx < gw; gx++) {
                    int centre = (gy * stride + reach) * pw + gx * stride + reach;
                    double acc = 0;
                    // Each stored tap stands for the pair ±offset (see GaborKernel).
                    for (int k = 0; k < off.length; k++) {
                        acc += w[k] * (padded[centre + off[k]] + padded[centre - off[k]]);
                    }
                    dst[gy * gw + gx] = (float) acc;
                }
            }
        }
        return out;
    }

    /** The Gaussian (d = 12) of the absolute responses over the sampling grid of the image. */
    public Gaussian textureGaussian(RgbImage image) {
        float[][] r = responses(image);
        for (float[] channel : r) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = Math.abs(channel[i]);
            }
        }
        return Gaussian.fitPlanar(r);
    }

    private float[] pad(float[] src, int width, int height, int pw) {
        int ph = height + 2 * reach;
        float[] out = new float[pw * ph];
        for (int y = 0; y < ph; y++) {
            int sy = reflect(y - reach, height);
            for (int x = 0; x < pw; x++) {
                out[y * pw + x] = src[sy * width + reflect(x - reach, width)];
            }
        }
        return out;
    }

    /** Reflect-101 index into 0..n−1, repeated (period 2(n−1)) for offsets beyond one reflection. */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
