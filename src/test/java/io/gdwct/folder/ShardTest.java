package io.gdwct.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
    private static final List<String> NAMES = IntStream.range(0, 1000)
            .mapToObj(i -> (i % 7 == 0 ? "sub/" : "") + "photo-" + i + ".jpg").toList();

    @Test
    void parsesIndexSlashCount() {
        assertEquals(new Shard(0, 1), Shard.parse("0/1"));
        assertEquals(new Shard(3, 4), Shard.parse(" 3 / 4 "));
        assertEquals("3/4", Shard.parse("3/4").toString());
        for (String bad : new String[] {"", "1", "1/0", "2/2", "-1/3", "a/b", "1/2/3", "0x1/2", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("INDEX/COUNT"), e.getMessage());
        }
    }

    /** For every count, each name belongs to exactly one shard, and no shard is badly off its share. */
    @Test
    void theShardsOfACountAreDisjointAndComplete() {
        for (int count = 1; count <= 6; count++) {
            List<String> union = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Shard s = new Shard(i, count);
                List<String> mine = NAMES.stream().filter(s::owns).toList();
                assertTrue(mine.size() > NAMES.size() / count * 0.75, s + " holds " + mine.size());
                union.addAll(mine);
            }
            assertEquals(NAMES.size(), union.size(), "count " + count + ": a name in two shards");
            assertEquals(NAMES, union.stream().sorted((a, b) -> NAMES.indexOf(a) - NAMES.indexOf(b)).toList());
        }
    }

    /**
     * The assignment is part of the contract between workers (a Job's pods may run different builds
     * during a rollout): pinned, so that a change to it is deliberate.
     */
    @Test
    void theAssignmentIsPinned() {
        // first 8 bytes of SHA-256, unsigned, mod 7; also: python3 -c "import hashlib; print(int.from_bytes(
        // hashlib.sha256('a.jpg'.encode()).digest()[:8], 'big') % 7)"
        List<String> names = List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg", "sub/c.png", "ünïcode/d.webp");
        assertEquals(List.of(4, 2, 6, 1, 6, 5), names.stream().map(n -> Shard.bucket(n, 7)).toList());
        assertTrue(new Shard(4, 7).owns("a.jpg"));
    }
}
