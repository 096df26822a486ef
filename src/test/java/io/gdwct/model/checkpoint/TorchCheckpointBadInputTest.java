package io.gdwct.model.checkpoint;

import static io.gdwct.model.checkpoint.PickleBuilder.floatsLE;
import static io.gdwct.model.checkpoint.TestFiles.assertNotTorch;
import static io.gdwct.model.checkpoint.TestFiles.official;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything that is not a state_dict checkpoint must fail with CheckpointFormatException and nothing else. */
class TorchCheckpointBadInputTest {

    /** Byte offset where the data section of tiny-legacy/G_A.pth starts (after the five pickles). */
    private static final int LEGACY_DATA_START = 45393;

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path zipWithPickle(byte[] pkl, Map<String, byte[]> storages) throws IOException {
        Path file = dir.resolve("bad.pth");
        try (OutputStream out = Files.newOutputStream(file)) {
            PickleBuilder.writeZip(out, pkl, storages);
        }
        return file;
    }

    /** The reason part of the message (after the standard wording, which names the file). */
    private static String reason(Path file) {
        String message = assertNotTorch(file, () -> TorchCheckpointReader.read(file)).getMessage();
        return message.substring(message.indexOf("format): ") + "format): ".length());
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("the file is empty", reason(write("empty.pth", new byte[0])));
    }

    @Test
    void randomBytes() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            byte[] bytes = new byte[1 + random.nextInt(5000)];
            random.nextBytes(bytes);
            if (i % 2 == 1) {
                bytes[0] = (byte) 0x80; // looks like a pickle for one byte
            }
            reason(write("random" + i + ".pth", bytes));
        }
    }

    @Test
    void textFile() throws IOException {
        String r = reason(write("notes.pth", "just some notes\nnot a model\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(r.contains("neither a zip archive"), r);
    }

    @Test
    void pngImage() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        String r = reason(write("image.png", png.toByteArray()));
        assertTrue(r.contains("89 50 4e 47"), r);
    }

    @Test
    void missingFileIsNotAFormatError() {
        assertThrows(NoSuchFileException.class, () -> TorchCheckpointReader.read(dir.resolve("absent.pth")));
    }

    @Test
    void zipWithoutDataPkl() throws IOException {
        Path file = dir.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("data.pkl")); // at the root, not in an archive folder
            zip.write(new PickleBuilder().raw('}').stop());
            zip.putNextEntry(new ZipEntry("archive/readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(reason(file).contains("no <archive>/data.pkl"));
    }

    @Test
    void pickleOfSomethingOtherThanADictOfTensors() throws IOException {
        byte[] list = new PickleBuilder().raw(']').mark().integer(1).integer(2).raw('e').stop();
        assertTrue(reason(zipWithPickle(list, Map.of())).contains("is a list, not a dict of tensors"));

        byte[] intValue = new PickleBuilder().orderedDict().str("epoch").integer(3).raw('s').stop();
        assertTrue(reason(zipWithPickle(intValue, Map.of())).contains("entry 'epoch' is a int, not a tensor"));

        byte[] intKey = new PickleBuilder().raw('}').integer(1)
                .tensor("FloatStorage", "0", 1, 0, new long[] {1}, new long[] {1}).raw('s').stop();
        assertTrue(reason(zipWithPickle(intKey, Map.of("0", floatsLE(1)))).contains("key of type int"));

        byte[] empty = new PickleBuilder().orderedDict().stop();
        assertTrue(reason(zipWithPickle(empty, Map.of())).contains("holds no tensors"));

        // torch.save(model) instead of torch.save(model.state_dict()): an object the reader will not build
        byte[] module = new PickleBuilder().global("torch.nn.modules.conv", "Conv2d").raw(')', 0x81)
                .raw('}').str("training").raw(0x88, 's', 'b').stop();
        String r = reason(zipWithPickle(module, Map.of()));
        assertTrue(r.contains("torch.nn.modules.conv.Conv2d") && r.contains("not a state_dict"), r);

        byte[] scalar = new PickleBuilder().integer(5).stop();
        assertTrue(reason(zipWithPickle(scalar, Map.of())).contains("is a int, not a dict"));
    }

    @Test
    void storageProblemsInAZip() throws IOException {
        byte[] pkl = new PickleBuilder().orderedDict().str("w")
                .tensor("FloatStorage", "0", 4, 0, new long[] {2, 2}, new long[] {2, 1}).raw('s').stop();
        assertTrue(reason(zipWithPickle(pkl, Map.of())).contains("has no entry archive/data/0"));
        assertTrue(reason(zipWithPickle(pkl, Map.of("0", floatsLE(1, 2, 3)))).contains("holds 12 bytes"));

        byte[] outside = new PickleBuilder().orderedDict().str("w")
                .tensor("FloatStorage", "0", 4, 2, new long[] {2, 2}, new long[] {2, 1}).raw('s').stop();
        assertTrue(reason(zipWithPickle(outside, Map.of("0", floatsLE(1, 2, 3, 4)))).contains("outside storage"));

        byte[] complex = new PickleBuilder().orderedDict().str("w")
                .tensor("ComplexFloatStorage", "0", 1, 0, new long[] {1}, new long[] {1}).raw('s').stop();
        assertTrue(reason(zipWithPickle(complex, Map.of("0", new byte[8]))).contains("ComplexFloatStorage is not supported"));

        byte[] badPid = new PickleBuilder().orderedDict().str("w").str("some id").raw('Q', 's').stop();
        assertTrue(reason(zipWithPickle(badPid, Map.of())).contains("unexpected persistent id"));
    }

    @Test
    void stringLengthBeyondTheEndFailsWithoutAllocating() throws IOException {
        // BINUNICODE claiming 2^31 - 1 bytes: must be refused before the pickle library allocates 2 GiB
        byte[] pkl = new PickleBuilder().raw('X', 0xff, 0xff, 0xff, 0x7f, 'a', 'b').stop();
        assertTrue(reason(zipWithPickle(pkl, Map.of())).contains("claims 2147483647 bytes"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 30, 100, 1000, 20_000, 500_000, 1_000_000, 1_060_900, 1_061_028})
    void zipTruncatedAnywhere(int length) throws IOException {
        byte[] whole = Files.readAllBytes(official("tiny/G_A.pth"));
        String r = reason(write("truncated.pth", Arrays.copyOf(whole, length)));
        assertTrue(r.contains("truncated"), r);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 20, 100, 30_000, LEGACY_DATA_START - 1, LEGACY_DATA_START,
        LEGACY_DATA_START + 4, LEGACY_DATA_START + 8, LEGACY_DATA_START + 100, 600_000, 1_041_336})
    void legacyTruncatedAnywhere(int length) throws IOException {
        byte[] whole = Files.readAllBytes(official("tiny-legacy/G_A.pth"));
        String r = reason(write("truncated.pth", Arrays.copyOf(whole, length)));
        assertTrue(r.contains("truncated"), r);
    }

    @Test
    void legacyDataStartIsWhereTheFirstStorageCountIs() throws IOException {
        byte[] whole = Files.readAllBytes(official("tiny-legacy/G_A.pth"));
        assertEquals(32, whole[LEGACY_DATA_START]); // the first listed storage holds 32 floats
    }

    @Test
    void legacyWithAnotherMagicNumber() throws IOException {
        byte[] bytes = TorchCheckpointSyntheticTest.legacy(new PickleBuilder().raw('}').stop(), List.of(), List.of(), List.of());
        bytes[5] ^= 1; // inside the magic LONG1
        assertTrue(reason(write("magic.pth", bytes)).contains("magic number"));
        // a bare pickle (no torch framing at all)
        assertTrue(reason(write("plain.pkl", new PickleBuilder().raw('}').stop())).contains("magic number"));
    }

    @Test
    void legacyStorageCountMismatch() throws IOException {
        byte[] main = new PickleBuilder().orderedDict().str("w")
                .tensor("FloatStorage", "k", 2, 0, new long[] {2}, new long[] {1}).raw('s').stop();
        byte[] bytes = TorchCheckpointSyntheticTest.legacy(main, List.of("k"), List.of(floatsLE(1, 2, 3)), List.of(3L));
        assertTrue(reason(write("count.pth", bytes)).contains("3 elements in the data section but 2"));
        byte[] unknown = TorchCheckpointSyntheticTest.legacy(main, List.of("x"), List.of(floatsLE(1, 2)), List.of(2L));
        assertTrue(reason(write("unknown.pth", unknown)).contains("never names"));
    }

    /** Random single-byte corruptions of the pickles: every outcome is a good read or a format error. */
    @Test
    void corruptedPicklesNeverLeakOtherExceptions() throws IOException {
        Random random = new Random(2024);
        byte[] legacy = Files.readAllBytes(official("tiny-legacy/G_A.pth"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(official("tiny/D_A.pth").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        byte[] pkl = entries.get("D_A/data.pkl");
        for (int i = 0; i < 60; i++) {
            byte[] mutated = legacy.clone();
            mutated[random.nextInt(LEGACY_DATA_START)] = (byte) random.nextInt(256);
            readOrFormatError(write("fuzz.pth", mutated));

            byte[] mutatedPkl = pkl.clone();
            mutatedPkl[random.nextInt(pkl.length)] = (byte) random.nextInt(256);
            entries.put("D_A/data.pkl", mutatedPkl);
            Path file = dir.resolve("fuzz-zip.pth");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                }
            }
            readOrFormatError(file);
        }
    }

    private static void readOrFormatError(Path file) {
        try {
            TorchCheckpointReader.read(file);
        } catch (IOException e) {
            assertEquals(CheckpointFormatException.class, e.getClass(), () -> "leaked " + e);
        }
    }
}
