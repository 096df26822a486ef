package io.gdwct.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.folder.FolderPlan.Item;
import io.gdwct.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPlanTest {
    @TempDir
    Path tmp;

    @Test
    void walksRecursivelyInOrderAndMirrorsThePathsWithTheOutputExtension() throws IOException {
        Path in = folder("b.JPG", "a/z.jpeg", "a/b/c.webp", "A.png", "notes.txt", "x.bmp.bak", "d.tar.bmp");
        FolderPlan plan = FolderPlan.scan(in, tmp.resolve("out"), ImageFormat.PNG);
        List<Item> items = plan.items();
        assertEquals(List.of("A.png", "a/b/c.webp", "a/z.jpeg", "b.JPG", "d.tar.bmp"), items.stream().map(Item::name).toList());
        assertEquals(List.of("A.png", "a/b/c.png", "a/z.png", "b.png", "d.tar.png"), items.stream()
                .map(i -> plan.outDir().relativize(i.target()).toString().replace('\\', '/')).toList());
        items.forEach(i -> assertNull(i.problem(), i.name()));
        assertEquals(in.resolve("a/z.jpeg").toAbsolutePath(), items.get(2).source());
        assertEquals("a/z.jpg", FolderPlan.outputName("a/z.jpeg", ImageFormat.JPEG));
        assertEquals("a.b/z.webp", FolderPlan.outputName("a.b/z", ImageFormat.WEBP));
    }

    @Test
    void anOutputFolderInsideTheContentFolderIsNotWalked() throws IOException {
        Path in = folder("a.jpg", "out/a.png", "outside/b.jpg");
        FolderPlan plan = FolderPlan.scan(in, in.resolve("out"), ImageFormat.PNG);
        assertEquals(List.of("a.jpg", "outside/b.jpg"), plan.items().stream().map(Item::name).toList());
    }

    @Test
    void twoContentsWithOneOutputKeepTheFirstAndReportTheOther() throws IOException {
        Path in = folder("a.jpg", "a.png", "b.jpg");
        List<Item> items = FolderPlan.scan(in, tmp.resolve("out"), ImageFormat.PNG).items();
        assertNull(items.get(0).problem());
        assertEquals("a.png", items.get(1).name());
        assertNull(items.get(1).target());
        assertTrue(items.get(1).problem().contains("same output file as a.jpg"), items.get(1).problem());
        assertNull(items.get(2).problem());
    }

    @Test
    void refusesAMissingContentFolderAFileAsOutputAndOutputsAmongTheContents() throws IOException {
        Path in = folder("a.jpg");
        assertThrows(IllegalArgumentException.class, () -> FolderPlan.scan(tmp.resolve("nope"), tmp.resolve("o"), ImageFormat.PNG));
        touch(tmp.resolve("file"));
        assertThrows(IllegalArgumentException.class, () -> FolderPlan.scan(in, tmp.resolve("file"), ImageFormat.PNG));
        for (Path out : List.of(in, tmp, in.resolve("."))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FolderPlan.scan(in, out, ImageFormat.PNG));
            assertTrue(e.getMessage().contains("--out-dir must not be --content-dir or a folder above it"), e.getMessage());
        }
    }

    @Test
    void theShardsOfAPlanPartitionIt() throws IOException {
        Path in = folder(IntStream.range(0, 50).mapToObj(i -> "d" + i % 4 + "/f" + i + ".png").toArray(String[]::new));
        FolderPlan plan = FolderPlan.scan(in, tmp.resolve("out"), ImageFormat.PNG);
        List<Item> zero = plan.items(new Shard(0, 2));
        List<Item> one = plan.items(new Shard(1, 2));
        assertEquals(50, zero.size() + one.size());
        assertTrue(zero.stream().noneMatch(one::contains));
        assertEquals(plan.items(), plan.items(Shard.ALL));
    }

    /** A content folder {@code tmp/in} holding these (one-byte) files. */
    private Path folder(String... files) throws IOException {
        Path in = tmp.resolve("in");
        for (String f : files) {
            touch(in.resolve(f));
        }
        return in;
    }

    private static void touch(Path f) throws IOException {
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[] {1});
    }
}
