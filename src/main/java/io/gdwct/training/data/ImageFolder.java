package io.gdwct.training.data;

import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageException;
import io.gdwct.image.ImageResizer;
import io.gdwct.image.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The usable training images of one domain: every *.jpg, *.jpeg, *.png, *.webp and *.bmp (any case)
 * under a folder, recursively, in sorted path order (so indices, and hence seeded sampling, are the
 * same on every machine).
 *
 * <p>Every file is decoded once when the folder is loaded. Files that cannot be read, are truncated,
 * are not images, exceed {@link #MAX_PIXELS} or have a side under {@code minSide} are skipped with one
 * warning each and listed in {@link #skipped()}; a folder left with no image is refused at once, before
 * any training starts.
 *
 * <p>Memory: the decoded images are kept, downscaled so the short side is at most
 * {@code cacheShortSide} (augmentation only ever needs that much: see
 * {@link Augmentation#cacheShortSide()}), until {@code cacheBudgetBytes} is used up; the rest are
 * decoded again on each use, through the same decode-and-downscale, so a cached and an uncached
 * image are bitwise identical and sampling stays reproducible either way.
 */
public final class ImageFolder {

    /** Generous limit for training files: 100 megapixels. */
    public static final long MAX_PIXELS = 100_000_000L;
    /** Default memory for decoded images of one folder: 1 GiB. */
    public static final long DEFAULT_CACHE_BYTES = 1L << 30;

    private static final Logger LOG = Logger.getLogger(ImageFolder.class);
    private static final int VALIDATION_CHUNK = 64;
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp", ".bmp");

    /** A file left out, and why (a client-readable reason). */
    public record Skipped(Path path, String reason) {
    }

    private final Path folder;
    private final List<Path> paths;
    private final RgbImage[] cache;
    private final List<Skipped> skipped;
    private final ImageDecoder decoder;
    private final int cacheShortSide;

    private ImageFolder(Path folder, List<Path> paths, RgbImage[] cache, List<Skipped> skipped,
                        ImageDecoder decoder, int cacheShortSide) {
        this.folder = folder;
        this.paths = paths;
        this.cache = cache;
        this.skipped = skipped;
        this.decoder = decoder;
        this.cacheShortSide = cacheShortSide;
    }

    /** {@link #load(Path, int, int, long)} with {@link #DEFAULT_CACHE_BYTES}. */
    public static ImageFolder load(Path folder, int minSide, int cacheShortSide) {
        return load(folder, minSide, cacheShortSide, DEFAULT_CACHE_BYTES);
    }

    /**
     * Scans and validates a folder.
     *
     * @param minSide          files with a side shorter than this are skipped (at least 1)
     * @param cacheShortSide   kept images are downscaled to at most this short side (at least 1)
     * @param cacheBytesBudget how many bytes of decoded images to keep in memory (0 keeps none)
     * @throws IllegalArgumentException if the folder is missing or has no usable image
     */
    public static ImageFolder load(Path folder, int minSide, int cacheShortSide, long cacheBytesBudget) {
        if (minSide < 1 || cacheShortSide < 1 || cacheBytesBudget < 0) {
            throw new IllegalArgumentException("minSide and cacheShortSide must be positive and cacheBytesBudget"
                    + " not negative, got " + minSide + ", " + cacheShortSide + ", " + cacheBytesBudget);
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("image folder " + folder + " does not exist or is not a directory");
        }
        List<Path> candidates = listImageFiles(folder);
        ImageDecoder decoder = new ImageDecoder(MAX_PIXELS, minSide);
        List<Path> paths = new ArrayList<>();
        List<RgbImage> kept = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        long cached = 0;
        // decode a chunk in parallel (the slow part of start-up), then judge it in path order; chunks
        // bound the memory held by images that turn out to be over the cache budget
        for (int start = 0; start < candidates.size(); start += VALIDATION_CHUNK) {
            List<Path> chunk = candidates.subList(start, Math.min(candidates.size(), start + VALIDATION_CHUNK));
            Object[] results = new Object[chunk.size()];
            IntStream.range(0, chunk.size()).parallel()
                    .forEach(i -> results[i] = decodeOrReason(decoder, chunk.get(i), cacheShortSide));
            for (int i = 0; i < chunk.size(); i++) {
                if (results[i] instanceof RgbImage img) {
                    boolean keep = cached + img.rgb().length <= cacheBytesBudget;
                    cached += keep ? img.rgb().length : 0;
                    paths.add(chunk.get(i));
                    kept.add(keep ? img : null);
                } else {
                    Skipped skip = new Skipped(chunk.get(i), (String) results[i]);
                    LOG.warnf("skipping training image %s: %s", skip.path(), skip.reason());
                    skipped.add(skip);
                }
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("image folder " + folder + " has no usable image ("
                    + candidates.size() + " image files found, " + skipped.size() + " skipped; accepted: "
                    + String.join(", ", EXTENSIONS) + ")");
        }
        return new ImageFolder(folder, List.copyOf(paths), kept.toArray(RgbImage[]::new), List.copyOf(skipped),
                decoder, cacheShortSide);
    }

    /** The number of usable images. */
    public int size() {
        return paths.size();
    }

    public int skippedCount() {
        return skipped.size();
    }

    public List<Skipped> skipped() {
        return skipped;
    }

    public Path folder() {
        return folder;
    }

    /** The usable files, sorted; index i here is image i. */
    public List<Path> paths() {
        return paths;
    }

    /**
     * Image {@code index}, downscaled to the cache short side; from memory when cached, else decoded
     * again. Thread-safe.
     *
     * @throws IllegalStateException if an uncached file changed since it was validated
     */
    public RgbImage image(int index) {
        RgbImage img = cache[index];
        if (img != null) {
            return img;
        }
        Path path = paths.get(index);
        try {
            return downscale(decoder.read(path), cacheShortSide);
        } catch (IOException | ImageException e) {
            throw new IllegalStateException("training image " + path + " can no longer be read: " + e.getMessage(), e);
        }
    }

    /** How many images are held in memory (the rest are decoded on each use). */
    public int cachedCount() {
        int n = 0;
        for (RgbImage img : cache) {
            n += img != null ? 1 : 0;
        }
        return n;
    }

    /** The downscaled image, or why the file cannot be used. */
    private static Object decodeOrReason(ImageDecoder decoder, Path file, int cacheShortSide) {
        try {
            return downscale(decoder.read(file), cacheShortSide);
        } catch (ImageException e) {
            return e.getMessage();
        } catch (IOException | UncheckedIOException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        } catch (RuntimeException e) {
            // one odd file must not stop a training run from starting; the class name helps a bug report
            return "could not be decoded (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static RgbImage downscale(RgbImage img, int shortSide) {
        return Math.min(img.width(), img.height()) > shortSide
                ? ImageResizer.resizeShortSide(img, shortSide, true)
                : img;
    }

    private static List<Path> listImageFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            // every visible file is a candidate, so that a stray text file gets its warning too;
            // whether it is an image is decided by its bytes, not its name
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("image folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
    }
}
