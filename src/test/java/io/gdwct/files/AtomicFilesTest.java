package io.gdwct.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyWayOfWritingReplacesTheFileAndLeavesNoTemporary() throws IOException {
        Path f = dir.resolve("sub/out.bin");
        AtomicFiles.write(f, new byte[] {1, 2, 3}, AtomicFiles.Durability.ATOMIC);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
        AtomicFiles.write(f, out -> out.write(new byte[] {4, 5}), AtomicFiles.Durability.DURABLE);
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(f));
        AtomicFiles.writeChannel(f, ch -> ch.write(ByteBuffer.wrap(new byte[] {6})), AtomicFiles.Durability.DURABLE);
        assertArrayEquals(new byte[] {6}, Files.readAllBytes(f));
        assertEquals(List.of("out.bin"), names(f.getParent()));
    }

    /** Jackson closes the stream it is given; the durable write must still reach its fsync. */
    @Test
    void aBodyThatClosesItsStreamStillWritesDurably() throws IOException {
        Path f = dir.resolve("model.json");
        AtomicFiles.write(f, out -> new ObjectMapper().writeValue(out, Map.of("a", 1)), AtomicFiles.Durability.DURABLE);
        assertEquals("{\"a\":1}", Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void aFailingBodyKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        Path f = dir.resolve("keep.txt");
        Files.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }, AtomicFiles.Durability.DURABLE));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("keep.txt"), names(dir));
    }

    @Test
    void writtenFilesAreReadableByAll() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        for (AtomicFiles.Durability d : AtomicFiles.Durability.values()) {
            Path f = dir.resolve(d + ".bin");
            AtomicFiles.write(f, new byte[] {1}, d);
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), d.toString());
        }
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
