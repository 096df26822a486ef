package io.gdwct.training.data;

/**
 * One training batch of unpaired samples from domains A and B.
 *
 * <p>Layout: {@code a} and {@code b} are each {@code (batchSize, 3, size, size)} planar floats, row-major
 * (sample, channel R/G/B, row, column), values in [-1, 1] ({@code v / 127.5 - 1}, as
 * {@link io.gdwct.image.RgbImage#toChwFloats()}). Sample i of {@code a} is not paired with sample i of
 * {@code b}.
 *
 * @param a         domain A samples, {@code batchSize * 3 * size * size} floats
 * @param b         domain B samples, same layout
 * @param batchSize number of samples per domain
 * @param size      side of each square sample
 */
public record Batch(float[] a, float[] b, int batchSize, int size) {

    public Batch {
        long expected = (long) batchSize * 3 * size * size;
        if (batchSize < 1 || size < 1 || a == null || b == null || a.length != expected || b.length != expected) {
            throw new IllegalArgumentException("a and b must each hold batchSize*3*size*size = " + expected + " floats");
        }
    }

    /** The tensor shape of {@code a} and {@code b}: {@code {batchSize, 3, size, size}}. */
    public long[] shape() {
        return new long[] {batchSize, 3, size, size};
    }
}
