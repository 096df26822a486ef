package io.gdwct.inference;

import io.gdwct.core.Sizing;
import io.gdwct.core.Strength;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import java.util.List;

/**
 * The translations a worker runs before it takes traffic: one per configured size, content and
 * exemplar of that size, in both directions. The first calls on a fresh thread are slow (native
 * allocator and kernel selection per shape); a readiness probe that waits for this keeps that cost
 * off real clients.
 */
final class WarmUp {
    private WarmUp() {}

    /** @throws RuntimeException if a warm-up translation fails */
    static void run(ModelRunner runner, List<Integer> sizes) {
        for (int size : sizes) {
            RgbImage content = pattern(size, 0);
            RgbImage exemplar = pattern(size, 1);
            for (Direction d : Direction.values()) {
                runner.translate(Sizing.prepare(content, exemplar, d, size, Strength.FULL));
            }
        }
    }

    /** A smooth colour gradient: real-looking statistics (a flat image has zero covariance). */
    static RgbImage pattern(int size, int seed) {
        byte[] rgb = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = (y * size + x) * 3;
                rgb[i] = (byte) (255 * x / size);
                rgb[i + 1] = (byte) (255 * y / size);
                rgb[i + 2] = (byte) ((seed * 97 + 7 * x + 13 * y) & 0xff);
            }
        }
        return new RgbImage(size, size, rgb);
    }
}
