package io.gdwct.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The temporary file of an atomic write: created beside its target (a rename across file systems
 * would not be atomic) and made {@code rw-r--r--}. {@link Files#createTempFile} makes files
 * owner-only, which after the rename would leave a translation, a report or a model that nobody
 * else can read, e.g. a service running as another user.
 */
public final class SiblingTempFile {
    private SiblingTempFile() {}

    /** A new empty file in {@code target}'s directory, named after it, readable by all. */
    public static Path create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        readableByAll(tmp);
        return tmp;
    }

    /**
     * Whether {@code file} is a temporary file {@link #create} made for {@code target} (same folder,
     * {@code .NAME<digits>.tmp}): what a process killed in the middle of an atomic write leaves
     * behind, and a resumed run may delete.
     */
    public static boolean isTempFileOf(Path file, Path target) {
        Path f = file.toAbsolutePath();
        Path t = target.toAbsolutePath();
        if (f.getParent() == null || !f.getParent().equals(t.getParent())) {
            return false;
        }
        String name = f.getFileName().toString();
        String prefix = "." + t.getFileName();
        return name.length() > prefix.length() + ".tmp".length() && name.startsWith(prefix) && name.endsWith(".tmp")
                && name.substring(prefix.length(), name.length() - ".tmp".length()).chars().allMatch(Character::isDigit);
    }

    /** Sets {@code rw-r--r--} where the file system has POSIX permissions. */
    public static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // non-POSIX file systems have no owner-only default to undo
        }
    }
}
