package io.gdwct.eval.metrics;

import io.gdwct.image.RgbImage;
import java.util.Random;

/** Deterministic synthetic images for the metric tests. */
final class TestImages {

    private TestImages() {}

    interface Pixel {
        int[] rgb(int x, int y);
    }

    static RgbImage of(int width, int height, Pixel pixel) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] p = pixel.rgb(x, y);
                for (int c = 0; c < 3; c++) {
                    rgb[(y * width + x) * 3 + c] = (byte) Math.max(0, Math.min(255, p[c]));
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }

    static RgbImage flat(int width, int height, int r, int g, int b) {
        return of(width, height, (x, y) -> new int[] {r, g, b});
    }

    /** Smooth colourful scene: gradients plus a few soft blobs, so SSIM has structure to compare. */
    static RgbImage scene(int width, int height) {
        return of(width, height, (x, y) -> {
            double u = x / (double) width;
            double v = y / (double) height;
            double blob = 60 * Math.sin(6 * u) * Math.cos(5 * v) + 40 * Math.sin(17 * u * v);
            return new int[] {(int) (40 + 150 * u + blob), (int) (200 - 120 * v + 0.5 * blob), (int) (90 + 80 * u * v - blob)};
        });
    }

    /** Random coloured noise with a given seed and per-channel base colour. */
    static RgbImage noise(int width, int height, long seed, int r, int g, int b, int amplitude) {
        Random rnd = new Random(seed);
        return of(width, height, (x, y) -> new int[] {
            r + (int) (amplitude * rnd.nextGaussian()),
            g + (int) (amplitude * rnd.nextGaussian()),
            b + (int) (amplitude * rnd.nextGaussian())});
    }

    /** Copy with independent Gaussian noise of the given standard deviation added to each channel. */
    static RgbImage withNoise(RgbImage image, double sigma, long seed) {
        Random rnd = new Random(seed);
        return of(image.width(), image.height(), (x, y) -> new int[] {
            (int) Math.round(image.get(x, y, 0) + sigma * rnd.nextGaussian()),
            (int) Math.round(image.get(x, y, 1) + sigma * rnd.nextGaussian()),
            (int) Math.round(image.get(x, y, 2) + sigma * rnd.nextGaussian())});
    }

    static RgbImage negative(RgbImage image) {
        return of(image.width(), image.height(), (x, y) -> new int[] {
            255 - image.get(x, y, 0), 255 - image.get(x, y, 1), 255 - image.get(x, y, 2)});
    }

    /** Grey square-wave stripes: period px, varying along x (vertical stripes) or along y. */
    static RgbImage stripes(int width, int height, int period, boolean vertical) {
        return of(width, height, (x, y) -> {
            int t = vertical ? x : y;
            int v = (t % period) < period / 2 ? 220 : 30;
            return new int[] {v, v, v};
        });
    }
}
