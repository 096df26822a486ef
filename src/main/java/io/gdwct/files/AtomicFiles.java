package io.gdwct.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way this program replaces a file: write a readable temporary sibling
 * ({@link SiblingTempFile}), then rename it over the target, so a reader (a client, a dashboard
 * polling a run folder, a resumed run) never sees half a file. Where the file system cannot rename
 * atomically, a plain replacing move is the fallback: still never half a file under the final name
 * in practice, and better than failing.
 *
 * <p>{@link Durability#DURABLE} also forces the bytes and then the directory entry to disk, for the
 * files a power loss must not take back: checkpoints, exported weights and {@code model.json}, the
 * file that marks a model complete. Reports, images and logs skip the two fsyncs (they are cheap
 * to make again, and a training run writes them often).
 */
public final class AtomicFiles {

    /** What a crash right after the write may cost. */
    public enum Durability {
        /** Renamed into place; a power loss may still lose the new content. */
        ATOMIC,
        /** Renamed into place after the data is on disk, and the rename itself made durable. */
        DURABLE
    }

    /** Fills the temporary file through a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills the temporary file through its channel (large binary files written from buffers). */
    @FunctionalInterface
    public interface ChannelBody {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {}

    /** {@link Durability#ATOMIC} write of what {@code body} produces. */
    public static void write(Path target, Body body) throws IOException {
        write(target, body, Durability.ATOMIC);
    }

    public static void write(Path target, byte[] bytes, Durability durability) throws IOException {
        write(target, out -> out.write(bytes), durability);
    }

    public static void write(Path target, Body body, Durability durability) throws IOException {
        writeChannel(target, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // bodies may close (Jackson does); the channel must stay open for the fsync
                }
            };
            body.writeTo(out);
            out.flush();
        }, durability);
    }

    /**
     * Writes {@code target} atomically, creating its directory if needed. On failure the target is
     * untouched and the temporary file removed.
     */
    public static void writeChannel(Path target, ChannelBody body, Durability durability) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = SiblingTempFile.create(absolute);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                body.writeTo(ch);
                if (durability == Durability.DURABLE) {
                    ch.force(true);
                }
            }
            move(tmp, absolute);
            moved = true;
            if (durability == Durability.DURABLE) {
                syncDirectory(dir);
            }
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable; not every platform lets a directory be opened, so best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the data is already on disk; only the directory entry's durability is at stake
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
