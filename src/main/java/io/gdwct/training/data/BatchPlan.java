package io.gdwct.training.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which images, and which random streams, make up batch k: a pure function of (seed, k), so batches
 * can be built on any thread, in any order, and a resumed run sees exactly the batches an uninterrupted
 * one would have.
 *
 * <p>Domain A is read in epochs, like the official {@code shuffle=True} loader: sample position
 * p = k · batchSize + j belongs to epoch p / |A|, whose order is a permutation seeded by (seed, epoch);
 * batches run on across epoch boundaries, so every A image appears once per epoch and every batch is
 * full. Domain B is drawn uniformly at random for each sample (the official unpaired sampling).
 */
final class BatchPlan {

    /** One sample pair: image indices and the seeds of their augmentation generators. */
    record Sample(int aIndex, long aSeed, int bIndex, long bSeed) {
    }

    private static final long EPOCH_STREAM = 0x45504F4348L; // "EPOCH"
    private static final long BATCH_STREAM = 0x4241544348L; // "BATCH"

    private final long seed;
    private final int sizeA;
    private final int sizeB;
    private final int batchSize;
    private final Map<Long, int[]> epochOrders = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, int[]> eldest) {
            return size() > 4; // batches in flight span at most a few epochs
        }
    };

    BatchPlan(long seed, int sizeA, int sizeB, int batchSize) {
        if (sizeA < 1 || sizeB < 1 || batchSize < 1) {
            throw new IllegalArgumentException("sizeA, sizeB and batchSize must be positive, got "
                    + sizeA + ", " + sizeB + ", " + batchSize);
        }
        this.seed = seed;
        this.sizeA = sizeA;
        this.sizeB = sizeB;
        this.batchSize = batchSize;
    }

    /** The samples of batch {@code batchIndex} (0-based). */
    Sample[] samples(long batchIndex) {
        if (batchIndex < 0) {
            throw new IllegalArgumentException("batchIndex must not be negative, got " + batchIndex);
        }
        SplittableRandom rng = new SplittableRandom(mix(seed, BATCH_STREAM, batchIndex));
        Sample[] out = new Sample[batchSize];
        for (int j = 0; j < batchSize; j++) {
            long position = batchIndex * batchSize + j;
            int aIndex = epochOrder(position / sizeA)[(int) (position % sizeA)];
            long aSeed = rng.nextLong();
            int bIndex = rng.nextInt(sizeB);
            long bSeed = rng.nextLong();
            out[j] = new Sample(aIndex, aSeed, bIndex, bSeed);
        }
        return out;
    }

    /** The epoch batch {@code batchIndex} starts in (0-based). */
    long epochOf(long batchIndex) {
        return batchIndex * batchSize / sizeA;
    }

    /** The order in which epoch {@code epoch} visits domain A: a Fisher–Yates shuffle seeded by (seed, epoch). */
    synchronized int[] epochOrder(long epoch) {
        return epochOrders.computeIfAbsent(epoch, e -> {
            int[] order = new int[sizeA];
            for (int i = 0; i < sizeA; i++) {
                order[i] = i;
            }
            SplittableRandom rng = new SplittableRandom(mix(seed, EPOCH_STREAM, e));
            for (int i = sizeA - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        });
    }

    /** Hashes (seed, stream, n) to a well-spread 64-bit seed (SplitMix64's finaliser, applied per part). */
    static long mix(long seed, long stream, long n) {
        long h = fmix(seed + 0x9E3779B97F4A7C15L);
        h = fmix(h ^ stream);
        return fmix(h ^ n * 0x9E3779B97F4A7C15L);
    }

    private static long fmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
