package io.gdwct.eval;

import io.gdwct.image.RgbImage;

/** Deterministic synthetic images for the evaluation tests. */
final class EvalImages {

    private EvalImages() {}

    /** Smooth gradients with a sinusoidal pattern; {@code seed} shifts colours and frequencies. */
    static RgbImage pattern(int width, int height, int seed) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = x / (double) width;
                double v = y / (double) height;
                double wave = 50 * Math.sin((4 + seed) * 6.28 * u + seed) * Math.cos((3 + 2 * seed) * 6.28 * v);
                int i = (y * width + x) * 3;
                rgb[i] = clamp(30 + 40 * seed + 120 * u + wave);
                rgb[i + 1] = clamp(200 - 50 * seed - 100 * v + 0.5 * wave);
                rgb[i + 2] = clamp(80 + 30 * seed + 90 * u * v - wave);
            }
        }
        return new RgbImage(width, height, rgb);
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
