package io.gdwct.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpairedBatchLoaderTest {

    private static final int SIZE = 32;
    private static final int BATCH = 2;
    private static final Augmentation AUG = Augmentation.of(SIZE).withScaleRange(1, 1.5);

    @TempDir
    static Path dir;
    static ImageFolder photos;
    static ImageFolder paintings;

    @BeforeAll
    static void folders() throws IOException {
        TrainingImages.mixedFolder(dir.resolve("a"));
        TrainingImages.copy(TrainingImages.PAINTING, dir.resolve("b/painting.jpg"));
        TrainingImages.copy(TrainingImages.PHOTO_WIDE, dir.resolve("b/storm.jpg"));
        photos = ImageFolder.load(dir.resolve("a"), 16, AUG.cacheShortSide());
        paintings = ImageFolder.load(dir.resolve("b"), 16, AUG.cacheShortSide());
    }

    @Test
    void sameSeedSameBatchesWhateverTheThreadingAndStart() throws Exception {
        List<Batch> first = take(new UnpairedBatchLoader(photos, paintings, BATCH, AUG, 42, 0, 2, 4), 5);
        List<Batch> second = take(new UnpairedBatchLoader(photos, paintings, BATCH, AUG, 42, 0, 1, 1), 5);
        for (int k = 0; k < 5; k++) {
            assertBitwiseEqual(first.get(k), second.get(k), "batch " + k);
        }
        List<Batch> resumed = take(new UnpairedBatchLoader(photos, paintings, BATCH, AUG, 42, 3, 2, 4), 2);
        assertBitwiseEqual(first.get(3), resumed.get(0), "resumed batch 3");
        assertBitwiseEqual(first.get(4), resumed.get(1), "resumed batch 4");
    }

    @Test
    void skipToJumpsBothWays() throws Exception {
        try (UnpairedBatchLoader loader = new UnpairedBatchLoader(photos, paintings, BATCH, AUG, 42, 0, 2, 3)) {
            Batch b0 = loader.next();
            loader.next();
            Batch b2 = loader.next();
            loader.skipTo(0);
            assertEquals(0, loader.nextBatchIndex());
            assertBitwiseEqual(b0, loader.next(), "batch 0 again");
            loader.skipTo(2);
            assertBitwiseEqual(b2, loader.next(), "batch 2 again");
            assertEquals(3, loader.nextBatchIndex());
            assertBitwiseEqual(loader.build(3), loader.next(), "synchronous build equals prefetched");
        }
    }

    @Test
    void differentSeedDifferentBatches() throws Exception {
        Batch a = take(new UnpairedBatchLoader(photos, paintings, BATCH, AUG, 1, 0, 1, 2), 1).get(0);
        Batch b = take(new UnpairedBatchLoader(photos, paintings, BATCH, AUG, 2, 0, 1, 2), 1).get(0);
        assertFalse(Arrays.equals(a.a(), b.a()) && Arrays.equals(a.b(), b.b()));
    }

    @Test
    void batchShapesAndValueRange() throws Exception {
        for (Batch batch : take(new UnpairedBatchLoader(photos, paintings, BATCH, AUG, 7, 0, 2, 2), 3)) {
            assertEquals(BATCH, batch.batchSize());
            assertEquals(SIZE, batch.size());
            assertArrayEquals(new long[] {BATCH, 3, SIZE, SIZE}, batch.shape());
            assertEquals(BATCH * 3 * SIZE * SIZE, batch.a().length);
            assertEquals(BATCH * 3 * SIZE * SIZE, batch.b().length);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float[] values : List.of(batch.a(), batch.b())) {
                for (float v : values) {
                    assertTrue(v >= -1f && v <= 1f, "value " + v);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            assertTrue(max - min > 0.5f, "real images have contrast");
        }
    }

    @Test
    void openScansFoldersAndCloseStopsTheThreads() throws Exception {
        UnpairedBatchLoader loader = UnpairedBatchLoader.open(dir.resolve("a"), dir.resolve("b"), 3, AUG, 5, 0);
        assertEquals(3, loader.domainA().size());
        assertEquals(4, loader.domainA().skippedCount());
        assertEquals(2, loader.domainB().size());
        assertEquals(1.0, loader.batchesPerEpoch());
        assertEquals(1, loader.epochOf(1));
        assertEquals(3, loader.next().batchSize());
        loader.close();
        assertTrue(loader.awaitStopped(5_000), "worker threads must end");
        assertThrows(IllegalStateException.class, loader::next);
        loader.close(); // idempotent
    }

    @Test
    void emptyFolderIsRefusedBeforeTraining(@TempDir Path empty) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnpairedBatchLoader.open(empty, dir.resolve("b"), 2, AUG, 1, 0));
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    }

    @Test
    void argumentsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new UnpairedBatchLoader(photos, paintings, 0, AUG, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new UnpairedBatchLoader(photos, paintings, 2, AUG, 1, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new UnpairedBatchLoader(photos, paintings, 2, AUG, 1, 0, 0, 1));
    }

    private static List<Batch> take(UnpairedBatchLoader loader, int n) throws InterruptedException {
        try (loader) {
            List<Batch> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(loader.next());
            }
            return out;
        }
    }

    private static void assertBitwiseEqual(Batch expected, Batch actual, String what) {
        assertEquals(expected.batchSize(), actual.batchSize(), what);
        assertEquals(expected.size(), actual.size(), what);
        assertTrue(Arrays.equals(expected.a(), actual.a()), what + ": domain A differs");
        assertTrue(Arrays.equals(expected.b(), actual.b()), what + ": domain B differs");
    }
}
