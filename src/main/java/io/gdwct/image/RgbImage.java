package io.gdwct.image;

import java.util.Objects;

/**
 * An 8-bit RGB image held in memory, interleaved row-major {@code (H, W, 3)}.
 *
 * <p>This is the one image type every layer shares; conversion to and from the model's tensor
 * layout {@code (3, H, W)} in [-1, 1] lives here so that it is written once.
 */
public record RgbImage(int width, int height, byte[] rgb) {

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        Objects.requireNonNull(rgb, "rgb");
        if (rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException(
                    "rgb has " + rgb.length + " bytes, expected " + (long) width * height * 3);
        }
    }

    /** Red, green or blue value (0..255) at column x, row y. */
    public int get(int x, int y, int channel) {
        return rgb[(y * width + x) * 3 + channel] & 0xff;
    }

    /**
     * The pixels as planar floats {@code (3, H, W)} scaled to [-1, 1] (v / 127.5 - 1), the
     * normalisation of the official data loader (ToTensor then Normalize(0.5, 0.5)).
     */
    public float[] toChwFloats() {
        int plane = width * height;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                out[c * plane + i] = (rgb[i * 3 + c] & 0xff) / 127.5f - 1f;
            }
        }
        return out;
    }

    /**
     * Builds an image from planar floats {@code (3, H, W)} in [-1, 1]; each value becomes
     * round(clamp((y + 1) / 2, 0, 1) * 255).
     */
    public static RgbImage fromChwFloats(float[] chw, int width, int height) {
        int plane = width * height;
        if (chw.length != 3 * plane) {
            throw new IllegalArgumentException("expected " + 3 * plane + " floats, got " + chw.length);
        }
        byte[] rgb = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                float v = (chw[c * plane + i] + 1f) / 2f;
                v = v < 0f ? 0f : (v > 1f ? 1f : v);
                rgb[i * 3 + c] = (byte) Math.round(v * 255f);
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
