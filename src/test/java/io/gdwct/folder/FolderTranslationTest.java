package io.gdwct.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.gdwct.api.TestModels;
import io.gdwct.core.Sizing;
import io.gdwct.core.Translation;
import io.gdwct.files.SiblingTempFile;
import io.gdwct.folder.FolderReport.Failure;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageFormat;
import io.gdwct.image.RgbImage;
import io.gdwct.core.Strength;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder runs on tiny generated images with the tiny random-weight model: resume, bad files, shards. */
class FolderTranslationTest {
    private static final Path MODEL = TestModels.tinyModels().resolve("default");
    private static final ImageDecoder DECODER = new ImageDecoder(1_000_000);

    @TempDir
    Path tmp;

    private final AtomicInteger modelLoads = new AtomicInteger();
    /** The content folder. */
    @TempDir
    Path in;
    /** The output folder. */
    @TempDir
    Path out;

    /**
     * A run stopped after 70 of 200 images, with the temporary file a kill in the middle of a write
     * leaves, then run again: exactly 200 whole outputs and no temporary file.
     */
    @Test
    void aRunStoppedMidwayAndResumedEndsWithExactlyOneWholeOutputPerImage() throws Exception {
        List<String> names = FolderImages.write(in, 200, 16);
        FolderPlan plan = FolderPlan.scan(in, out, ImageFormat.PNG);

        FolderReport first = runner(2, 70).run(plan, Shard.ALL);
        assertEquals(70, first.translated());
        assertTrue(first.stopped());
        assertFalse(first.complete());
        assertEquals(70, FolderImages.files(out).size());
        assertTrue(first.lines(20).contains("stopped before the end: run the same command again to finish"), first.lines(20).toString());

        // what SIGKILL in the middle of an atomic write leaves: a half-written temporary beside a missing output
        Path missing = plan.items().stream().map(FolderPlan.Item::target).filter(t -> !Files.exists(t)).findFirst().orElseThrow();
        Path half = SiblingTempFile.create(missing);
        Files.write(half, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path unrelated = Files.writeString(missing.resolveSibling(".notes.txt123.tmp"), "not ours");

        FolderReport resumed = runner(3, Long.MAX_VALUE).run(plan, Shard.ALL);
        assertEquals(130, resumed.translated());
        assertEquals(70, resumed.alreadyDone());
        assertEquals(1, resumed.tempsRemoved());
        assertTrue(resumed.complete(), resumed.lines(20).toString());
        assertEquals(List.of(), resumed.failures());

        assertTrue(Files.exists(unrelated), "not the temporary file of an output");
        Files.delete(unrelated);
        assertEquals(List.of(), FolderImages.tempFiles(out));
        List<String> outputs = FolderImages.files(out);
        assertEquals(names, outputs);
        for (String name : outputs) {
            RgbImage y = DECODER.read(out.resolve(name));
            assertEquals(16, y.width(), name);
            assertEquals(16, y.height(), name);
        }

        FolderReport third = runner(2, Long.MAX_VALUE).run(plan, Shard.ALL);
        assertEquals(0, third.translated());
        assertEquals(200, third.alreadyDone());
        assertEquals(2, modelLoads.get(), "nothing left to do: the model is not loaded");
    }

    @Test
    void badFilesAreReportedAndSkippedAndTheRestIsTranslated() throws Exception {
        FolderImages.write(in, 12, 16);
        FolderImages.writeTruncatedPng(in.resolve("a/broken.png"), 16);
        Files.writeString(in.resolve("text.jpg"), "not an image");
        FolderImages.write(in.resolve("tiny"), 1, 8); // under the 16-pixel minimum
        Files.write(in.resolve("img-0000.jpg"), Files.readAllBytes(in.resolve("img-0000.png"))); // same output

        FolderReport r = runner(2, Long.MAX_VALUE).run(FolderPlan.scan(in, out, ImageFormat.PNG), Shard.ALL);
        assertEquals(12, r.translated());
        assertFalse(r.complete());
        assertEquals(List.of("a/broken.png", "img-0000.png", "text.jpg", "tiny/img-0000.png"),
                r.failures().stream().map(Failure::name).toList());
        String reasons = r.failures().toString();
        assertTrue(reasons.contains("PNG data is cut short"), reasons);
        assertTrue(reasons.contains("same output file as img-0000.jpg"), reasons);
        assertTrue(reasons.contains("unsupported image format"), reasons);
        assertTrue(reasons.contains("image is 8x8; each side must be at least 16 pixels"), reasons);
        assertEquals(12, FolderImages.files(out).size(), "11 PNGs and img-0000.jpg, all but the colliding img-0000.png");
        assertEquals(List.of(), FolderImages.tempFiles(out));

        List<String> lines = r.lines(2);
        assertTrue(lines.get(0).startsWith("16 images: translated 12, already done 0, failed 4 in "), lines.get(0));
        assertEquals("failed: a/broken.png: " + r.failures().get(0).reason(), lines.get(1));
        assertEquals("... and 2 more failed", lines.get(3));

        FolderReport again = runner(1, Long.MAX_VALUE).run(FolderPlan.scan(in, out, ImageFormat.PNG), Shard.ALL);
        assertEquals(0, again.translated());
        assertEquals(12, again.alreadyDone());
        assertEquals(r.failures(), again.failures(), "bad files stay reported, never written");
    }

    /** Two shards run one after the other into one folder: each writes its own half, neither skips a thing. */
    @Test
    void twoShardsCoverTheFolderExactlyOnce() throws Exception {
        List<String> names = FolderImages.write(in, 60, 16);
        FolderPlan plan = FolderPlan.scan(in, out, ImageFormat.PNG);
        FolderReport zero = runner(2, Long.MAX_VALUE).run(plan, new Shard(0, 2));
        List<String> afterZero = FolderImages.files(out);
        FolderReport one = runner(2, Long.MAX_VALUE).run(FolderPlan.scan(in, out, ImageFormat.PNG), new Shard(1, 2));
        assertEquals(0, zero.alreadyDone());
        assertEquals(0, one.alreadyDone(), "shard 1 found nothing of its own already written by shard 0");
        assertEquals(60, zero.translated() + one.translated());
        assertEquals(zero.inShard(), afterZero.size());
        assertTrue(zero.translated() > 10 && one.translated() > 10, zero.translated() + " / " + one.translated());
        assertEquals(names, FolderImages.files(out));
        assertTrue(zero.lines(5).get(0).startsWith("60 images, shard 0/2 has " + zero.inShard() + ": translated"),
                zero.lines(5).get(0));
    }

    /** The folder's output is the single translation's, whatever the worker count; the style encoder runs once. */
    @Test
    void outputsEqualTheSingleTranslationWithAnyNumberOfWorkers() throws Exception {
        FolderImages.write(in, 6, 40);
        Path exemplarFile = in.resolve("a/img-0001.png");
        RgbImage exemplar = DECODER.read(exemplarFile);
        for (int workers : new int[] {1, 3}) {
            Path outW = tmp.resolve("out" + workers);
            FolderTranslation.Settings s = new FolderTranslation.Settings(Direction.B2A, 32, new Strength(0.7f), 1_000_000, workers, Long.MAX_VALUE);
            CountingStyle style = new CountingStyle(ExemplarStyle.of(exemplarFile, exemplar, 32));
            new FolderTranslation(s, style, this::load, FolderProgress.silent())
                    .run(FolderPlan.scan(in, outW, ImageFormat.PNG), Shard.ALL);
            assertEquals(1, style.calls.get());
            try (GdwctModel model = load()) {
                for (String name : FolderImages.files(in)) {
                    RgbImage expected = Translation.translate(model,
                            Sizing.prepare(DECODER.read(in.resolve(name)), exemplar, Direction.B2A, 32, new Strength(0.7f)), false).image();
                    assertEquals(32, expected.width());
                    assertArrayEquals(expected.rgb(), DECODER.read(outW.resolve(name)).rgb(), workers + " workers: " + name);
                }
            }
        }
    }

    @Test
    void aStopRequestedBeforeTheStartTranslatesNothingAndAStyleFailureIsTheRunsFailure() throws Exception {
        FolderImages.write(in, 3, 16);
        FolderPlan plan = FolderPlan.scan(in, out, ImageFormat.PNG);
        FolderTranslation stopped = runner(1, Long.MAX_VALUE);
        stopped.requestStop();
        FolderReport r = stopped.run(plan, Shard.ALL);
        assertTrue(r.stopped());
        assertEquals(0, r.translated());
        assertEquals(0, modelLoads.get());

        StyleSource broken = new StyleSource() {
            @Override
            public String describe() {
                return "broken";
            }

            @Override
            public io.gdwct.core.StyleCode code(GdwctModel model, Direction direction) {
                throw new IllegalStateException("no style");
            }
        };
        FolderTranslation.Settings s = new FolderTranslation.Settings(Direction.A2B, 64, Strength.FULL, 1_000_000, 2, Long.MAX_VALUE);
        FolderTranslation failing = new FolderTranslation(s, broken, this::load, FolderProgress.silent());
        assertEquals("no style", assertThrows(IllegalStateException.class, () -> failing.run(plan, Shard.ALL)).getMessage());
        assertEquals(List.of(), FolderImages.files(out));
    }

    @Test
    void staleTemporariesOfOtherShardsAreLeftAlone() throws Exception {
        FolderImages.write(in, 20, 16);
        FolderPlan plan = FolderPlan.scan(in, out, ImageFormat.PNG);
        Path theirs = tempFor(plan.items(new Shard(1, 2)).get(0).target());
        Path ours = tempFor(plan.items(new Shard(0, 2)).get(0).target());
        assertEquals(1, FolderTranslation.removeStaleTemps(plan.items(new Shard(0, 2))));
        assertTrue(Files.exists(theirs), "another worker may be writing it");
        assertFalse(Files.exists(ours));
    }

    @Test
    void aReasonIsOneLineAndNamesTheKindOfIoFailure() {
        assertEquals("NoSuchFileException: /x/y.png", FolderTranslation.reason(new java.nio.file.NoSuchFileException("/x/y.png")));
        assertEquals("disk full", FolderTranslation.reason(new IOException("disk full\nmore")));
        assertEquals("IllegalStateException", FolderTranslation.reason(new IllegalStateException()));
    }

    private static Path tempFor(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return SiblingTempFile.create(target);
    }

    private FolderTranslation runner(int workers, long stopAfter) throws IOException {
        FolderTranslation.Settings s = new FolderTranslation.Settings(Direction.A2B, 64, Strength.FULL, 1_000_000, workers, stopAfter);
        Path exemplar = tmp.resolve("exemplar.png");
        if (!Files.exists(exemplar)) {
            FolderImages.write(tmp.resolve("exemplar-dir"), 1, 24);
            Files.copy(tmp.resolve("exemplar-dir/img-0000.png"), exemplar);
        }
        return new FolderTranslation(s, ExemplarStyle.of(exemplar, DECODER.read(exemplar), 64), this::load,
                FolderProgress.silent());
    }

    private GdwctModel load() throws IOException {
        modelLoads.incrementAndGet();
        return GdwctModel.load(MODEL, Device.cpu());
    }

    /** Counts how often the style code is asked for. */
    private static final class CountingStyle implements StyleSource {
        final StyleSource inner;
        final AtomicInteger calls = new AtomicInteger();

        CountingStyle(StyleSource inner) {
            this.inner = inner;
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public io.gdwct.core.StyleCode code(GdwctModel model, Direction direction) {
            calls.incrementAndGet();
            return inner.code(model, direction);
        }
    }
}
