package io.gdwct.training.data;

import io.gdwct.image.RgbImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Yields unpaired training {@link Batch}es from two {@link ImageFolder}s, prepared ahead of time on
 * background threads so the training loop does not wait on decoding.
 *
 * <p>Batch k is a pure function of (seed, k) (see {@link BatchPlan}): each sample's augmentation gets
 * its own generator seeded from the plan, so neither thread timing nor the number of threads changes
 * a batch, and {@code startBatch} / {@link #skipTo} resume a run exactly where it stopped.
 *
 * <p>Prefetch: batches {@code next .. next + prefetch - 1} are being built or are ready; taking one
 * schedules the next, so at most {@code prefetch} batches are held. Not thread-safe: one consumer.
 */
public final class UnpairedBatchLoader implements AutoCloseable {

    public static final int DEFAULT_THREADS = 2;
    public static final int DEFAULT_PREFETCH = 4;

    private final ImageFolder domainA;
    private final ImageFolder domainB;
    private final Augmentation augmentation;
    private final BatchPlan plan;
    private final int batchSize;
    private final int prefetch;
    private final ExecutorService workers;
    private final ArrayDeque<CompletableFuture<Batch>> pending = new ArrayDeque<>();
    private long nextIndex;
    private boolean closed;

    /**
     * Loads both folders (skipping files with a side under max(16, imageSize / 2)) and starts the
     * workers with {@link #DEFAULT_THREADS} threads and {@link #DEFAULT_PREFETCH} batches ahead.
     *
     * @throws IllegalArgumentException if a folder is missing or has no usable image
     */
    public static UnpairedBatchLoader open(Path folderA, Path folderB, int batchSize, Augmentation augmentation,
                                           long seed, long startBatch) {
        int minSide = Math.max(16, augmentation.imageSize() / 2);
        ImageFolder a = ImageFolder.load(folderA, minSide, augmentation.cacheShortSide());
        ImageFolder b = ImageFolder.load(folderB, minSide, augmentation.cacheShortSide());
        return new UnpairedBatchLoader(a, b, batchSize, augmentation, seed, startBatch, DEFAULT_THREADS, DEFAULT_PREFETCH);
    }

    /**
     * @param startBatch the index of the first batch {@link #next} returns (0 for a fresh run)
     * @param threads    worker threads (daemon), at least 1
     * @param prefetch   batches prepared ahead, at least 1
     */
    public UnpairedBatchLoader(ImageFolder domainA, ImageFolder domainB, int batchSize, Augmentation augmentation,
                               long seed, long startBatch, int threads, int prefetch) {
        if (domainA == null || domainB == null || augmentation == null) {
            throw new IllegalArgumentException("domainA, domainB and augmentation must not be null");
        }
        if (batchSize < 1 || threads < 1 || prefetch < 1 || startBatch < 0) {
            throw new IllegalArgumentException("batchSize, threads and prefetch must be positive and startBatch not"
                    + " negative, got " + batchSize + ", " + threads + ", " + prefetch + ", " + startBatch);
        }
        this.domainA = domainA;
        this.domainB = domainB;
        this.augmentation = augmentation;
        this.batchSize = batchSize;
        this.prefetch = prefetch;
        this.plan = new BatchPlan(seed, domainA.size(), domainB.size(), batchSize);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "batch-loader-" + count.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive
            return t;
        });
        this.nextIndex = startBatch;
        fill();
    }

    /**
     * The next batch, waiting for it if it is not ready yet.
     *
     * @throws IllegalStateException if the loader is closed or an image could not be read any more
     */
    public Batch next() throws InterruptedException {
        ensureOpen();
        Batch batch;
        try {
            batch = pending.getFirst().get(); // an interrupt here loses nothing: the batch stays at the head
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("building batch " + nextIndex + " failed: " + cause.getMessage(), cause);
        }
        pending.removeFirst();
        nextIndex++;
        fill();
        return batch;
    }

    /** The index of the batch the next call to {@link #next} returns. */
    public long nextBatchIndex() {
        return nextIndex;
    }

    /** Continues with batch {@code batchIndex} (forwards or backwards); batches prepared for others are dropped. */
    public void skipTo(long batchIndex) {
        ensureOpen();
        if (batchIndex < 0) {
            throw new IllegalArgumentException("batchIndex must not be negative, got " + batchIndex);
        }
        if (batchIndex == nextIndex) {
            return;
        }
        pending.forEach(f -> f.cancel(false));
        pending.clear();
        nextIndex = batchIndex;
        fill();
    }

    /** The (0-based) epoch of domain A in which batch {@code batchIndex} starts. */
    public long epochOf(long batchIndex) {
        return plan.epochOf(batchIndex);
    }

    /** Batches per epoch of domain A (the last may run into the next epoch). */
    public double batchesPerEpoch() {
        return (double) domainA.size() / batchSize;
    }

    public ImageFolder domainA() {
        return domainA;
    }

    public ImageFolder domainB() {
        return domainB;
    }

    /** Stops the worker threads; pending batches are dropped. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.forEach(f -> f.cancel(true));
        pending.clear();
        workers.shutdownNow();
    }

    /** Waits until the worker threads have ended after {@link #close} (for tests). */
    boolean awaitStopped(long millis) throws InterruptedException {
        return workers.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    /** Builds batch {@code index} synchronously: the same result the background threads produce. */
    Batch build(long index) {
        int size = augmentation.imageSize();
        int perSample = 3 * size * size;
        float[] a = new float[batchSize * perSample];
        float[] b = new float[batchSize * perSample];
        BatchPlan.Sample[] samples = plan.samples(index);
        for (int j = 0; j < samples.length; j++) {
            BatchPlan.Sample s = samples[j];
            copy(augment(domainA.image(s.aIndex()), s.aSeed()), a, j * perSample);
            copy(augment(domainB.image(s.bIndex()), s.bSeed()), b, j * perSample);
        }
        return new Batch(a, b, batchSize, size);
    }

    private RgbImage augment(RgbImage src, long seed) {
        return augmentation.apply(src, new SplittableRandom(seed));
    }

    private static void copy(RgbImage img, float[] dst, int offset) {
        float[] chw = img.toChwFloats();
        System.arraycopy(chw, 0, dst, offset, chw.length);
    }

    private void fill() {
        while (pending.size() < prefetch) {
            long index = nextIndex + pending.size();
            pending.addLast(CompletableFuture.supplyAsync(() -> build(index), workers));
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the batch loader is closed");
        }
    }
}
