package io.gdwct.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiblingTempFileTest {
    @TempDir
    Path dir;

    @Test
    void recognisesTheTemporaryFilesItMakesForATargetAndNothingElse() throws IOException {
        Path target = dir.resolve("a.png");
        Path tmp = SiblingTempFile.create(target);
        assertTrue(SiblingTempFile.isTempFileOf(tmp, target), tmp.toString());
        assertFalse(SiblingTempFile.isTempFileOf(tmp, dir.resolve("a.pn")));
        assertFalse(SiblingTempFile.isTempFileOf(tmp, dir.resolve("sub/a.png")));
        assertFalse(SiblingTempFile.isTempFileOf(SiblingTempFile.create(dir.resolve("a.png5.png")), target));
        for (String other : new String[] {".a.png.tmp", ".a.pngx1.tmp", "a.png1.tmp", ".a.png1.tmp.bak", ".a.png12"}) {
            assertFalse(SiblingTempFile.isTempFileOf(dir.resolve(other), target), other);
        }
        Files.delete(tmp);
    }
}
