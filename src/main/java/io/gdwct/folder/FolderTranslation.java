package io.gdwct.folder;

import ai.djl.ndarray.NDManager;
import io.gdwct.core.Sizing;
import io.gdwct.core.Strength;
import io.gdwct.core.StyleCode;
import io.gdwct.core.Translation;
import io.gdwct.files.SiblingTempFile;
import io.gdwct.folder.FolderPlan.Item;
import io.gdwct.folder.FolderReport.Failure;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageEncoder;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Translates one shard of a {@link FolderPlan} in one style.
 *
 * <ul>
 *   <li><b>Resumable.</b> An image is done when its output file exists. Outputs are written through
 *       a temporary sibling renamed into place ({@link ImageEncoder#write}), so a run killed at any
 *       moment leaves each output whole or absent, never half-written; running again skips what is
 *       there and first deletes the temporary files the killed run left for this shard's outputs
 *       (only this shard's: other workers may be writing theirs).</li>
 *   <li><b>Bad files never stop it.</b> An image that cannot be read, decoded or translated is
 *       recorded with a one-line reason and the run goes on; the {@link FolderReport} lists them.
 *       What concerns every image (the model, the style) fails the run before the first image.</li>
 *   <li><b>Once.</b> The style code is computed once, before the first content; the model is loaded
 *       only when something is left to do.</li>
 *   <li><b>Parallel.</b> {@link Settings#workers} threads take the images in order, each forward in
 *       an NDManager of its own closed after the image (the model's weights are shared, read-only),
 *       so nothing accumulates over a long folder.</li>
 *   <li><b>Stoppable.</b> {@link #requestStop} lets each worker finish its image and stops;
 *       {@link #runUntilShutdown} does so on SIGTERM or Ctrl-C.</li>
 * </ul>
 */
public final class FolderTranslation {

    /**
     * @param maxSide   contents are sized as by {@link Sizing#prepareContent}
     * @param strength  checked where the user gave it
     * @param maxPixels larger images are refused (reported as failures)
     * @param workers   images translated at once
     * @param stopAfter stop once this many images were started (tests simulate a killed run with it);
     *                  {@link Long#MAX_VALUE} for no limit
     */
    public record Settings(Direction direction, int maxSide, Strength strength, long maxPixels, int workers, long stopAfter) {
        public Settings {
            if (maxSide < Sizing.MIN_SIDE || workers < 1 || stopAfter < 0) {
                throw new IllegalArgumentException("need maxSide >= " + Sizing.MIN_SIDE + ", workers >= 1, stopAfter >= 0;"
                        + " got " + maxSide + ", " + workers + ", " + stopAfter);
            }
        }
    }

    /** Loads the model, only when some image is left to translate. */
    @FunctionalInterface
    public interface ModelOpener {
        GdwctModel open() throws IOException;
    }

    private final Settings settings;
    private final StyleSource style;
    private final ModelOpener opener;
    private final FolderProgress progress;
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Held while a run is on; the shutdown hook waits for it. */
    private final ReentrantLock running = new ReentrantLock();

    public FolderTranslation(Settings settings, StyleSource style, ModelOpener opener, FolderProgress progress) {
        this.settings = settings;
        this.style = style;
        this.opener = opener;
        this.progress = progress;
    }

    /** Lets every worker finish the image it is on, then ends the run ({@link FolderReport#stopped}). */
    public void requestStop() {
        stop.set(true);
    }

    /**
     * {@link #run}, stopping cleanly when the JVM is asked to exit (SIGTERM, Ctrl-C): the images in
     * flight are finished and written before it exits, with the signal's non-zero status.
     */
    public FolderReport runUntilShutdown(FolderPlan plan, Shard shard) throws IOException {
        Thread hook = new Thread(this::stopAndAwaitRun, "gdwct-folder-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(plan, shard);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the run is over
            }
        }
    }

    /** The shutdown hook: the JVM exits once the run has written the images in flight. */
    private void stopAndAwaitRun() {
        requestStop();
        running.lock();
        running.unlock();
    }

    /** Translates what {@code shard} owns and is not done yet. */
    public FolderReport run(FolderPlan plan, Shard shard) throws IOException {
        running.lock();
        try {
            return runLocked(plan, shard);
        } finally {
            running.unlock();
        }
    }

    private FolderReport runLocked(FolderPlan plan, Shard shard) throws IOException {
        long t0 = System.nanoTime();
        List<Item> mine = plan.items(shard);
        int tempsRemoved = removeStaleTemps(mine);
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        List<Item> todo = new ArrayList<>();
        int alreadyDone = 0;
        for (Item item : mine) {
            if (item.problem() != null) {
                failures.add(new Failure(item.name(), item.problem()));
            } else if (Files.isRegularFile(item.target())) {
                alreadyDone++;
            } else {
                todo.add(item);
            }
        }
        int translated = 0;
        boolean stopped = false;
        if (!todo.isEmpty()) {
            if (stop.get()) {
                stopped = true;
            } else {
                try (GdwctModel model = opener.open()) {
                    StyleCode code = style.code(model, settings.direction());
                    Workers w = new Workers(model, code, todo, failures);
                    w.runAll();
                    translated = w.translated.get();
                    stopped = w.claimed.get() < todo.size();
                }
            }
        }
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparing(Failure::name));
        return new FolderReport(shard, plan.items().size(), mine.size(), translated, alreadyDone, sorted, tempsRemoved,
                stopped, System.nanoTime() - t0);
    }

    /** The worker threads of one run and what they share. */
    private final class Workers {
        final GdwctModel model;
        final StyleCode code;
        final List<Item> todo;
        final List<Failure> failures;
        final ImageDecoder decoder = new ImageDecoder(settings.maxPixels(), Sizing.MIN_SIDE);
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicInteger translated = new AtomicInteger();
        final AtomicReference<Throwable> fatal = new AtomicReference<>();

        Workers(GdwctModel model, StyleCode code, List<Item> todo, List<Failure> failures) {
            this.model = model;
            this.code = code;
            this.todo = todo;
            this.failures = failures;
        }

        void runAll() {
            progress.start(todo.size());
            int n = Math.min(settings.workers(), todo.size());
            List<Thread> threads = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(this::work, "gdwct-folder-" + i);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                joinUninterruptibly(t);
            }
            progress.finish();
            Throwable f = fatal.get();
            if (f instanceof Error e) {
                throw e;
            }
        }

        private void work() {
            while (!stop.get()) {
                int i = next.getAndIncrement();
                if (i >= todo.size() || i >= settings.stopAfter()) {
                    return;
                }
                claimed.incrementAndGet();
                Item item = todo.get(i);
                try {
                    translate(item);
                    translated.incrementAndGet();
                    progress.done(true);
                } catch (Exception e) {
                    failures.add(new Failure(item.name(), reason(e)));
                    progress.done(false);
                } catch (Error e) {
                    // out of memory and the like: nothing later would go better
                    fatal.compareAndSet(null, e);
                    stop.set(true);
                }
            }
        }

        private void translate(Item item) throws IOException {
            RgbImage content = Sizing.prepareContent(decoder.read(item.source()), settings.maxSide());
            RgbImage output;
            try (NDManager manager = NDManager.newBaseManager(model.device())) {
                output = Translation.translate(model, manager, content, code, settings.strength()).image();
            }
            ImageEncoder.write(output, item.target());
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Deletes the temporary files a killed run left beside this shard's outputs.
     *
     * @return how many
     */
    static int removeStaleTemps(List<Item> items) throws IOException {
        Map<Path, List<Path>> targetsByDir = new HashMap<>();
        for (Item item : items) {
            if (item.target() != null) {
                targetsByDir.computeIfAbsent(item.target().getParent(), d -> new ArrayList<>()).add(item.target());
            }
        }
        int removed = 0;
        for (Map.Entry<Path, List<Path>> e : targetsByDir.entrySet()) {
            if (!Files.isDirectory(e.getKey())) {
                continue;
            }
            Map<String, Path> byTempPrefix = new HashMap<>();
            e.getValue().forEach(t -> byTempPrefix.put("." + t.getFileName(), t));
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(e.getKey(), ".*.tmp")) {
                for (Path f : entries) {
                    String stem = f.getFileName().toString().replaceFirst("\\d+\\.tmp$", "");
                    Path target = byTempPrefix.get(stem);
                    if (target != null && SiblingTempFile.isTempFileOf(f, target) && Files.deleteIfExists(f)) {
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    /** One line: the message, with the exception's kind where the message alone is a bare path. */
    static String reason(Exception e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IOException && e.getClass() != IOException.class && !m.equals(e.getClass().getSimpleName())) {
            m = e.getClass().getSimpleName() + ": " + m;
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
