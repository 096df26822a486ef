package io.gdwct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.api.TestModels;
import io.gdwct.folder.FolderImages;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code translate --content-dir} as the real command through {@code bin/gdwct} (run by failsafe
 * after {@code package}), on tiny generated images with the tiny random-weight model: killed with
 * SIGKILL midway and run again, a corrupt image among the contents, and two shards as two
 * processes at once, as the pods of the Indexed Job in k8s/translate run.
 */
class FolderTranslateIT {
    private static final Pattern TRANSLATED = Pattern.compile("translated (\\d+), already done (\\d+), failed (\\d+)");

    @TempDir
    Path tmp;
    /** The content folder. */
    @TempDir
    Path in;
    /** The output folder. */
    @TempDir
    Path out;

    @Test
    void killedMidwayThenRunAgainEndsWithExactlyOneWholeOutputPerImageAndTheCorruptOneReported() throws Exception {
        List<String> names = FolderImages.write(in, 200, 48);
        FolderImages.writeTruncatedPng(in.resolve("a/b/corrupt.png"), 48);
        List<String> args = args("--workers", "1", "--threads-per-worker", "1");

        Process first = start(args);
        int before = waitForOutputs(first, out);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, whatever was being written stays as it was
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        int killedAt = outputs(out).size();
        assertTrue(killedAt >= before && killedAt < 200, "killed after " + killedAt + " of 200 outputs");

        Gdwct.Result resumed = Gdwct.run(tmp, args.toArray(String[]::new));
        assertEquals(3, resumed.exit(), "exit 3: an image failed\n" + resumed.describe());
        Matcher m = TRANSLATED.matcher(resumed.out());
        assertTrue(m.find(), resumed.describe());
        assertEquals(200, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)), resumed.describe());
        assertTrue(Integer.parseInt(m.group(2)) >= killedAt, resumed.describe());
        assertEquals("1", m.group(3), resumed.describe());
        assertTrue(resumed.out().contains("201 images: translated "), resumed.describe());
        assertTrue(resumed.out().contains("failed: a/b/corrupt.png: PNG data is cut short"), resumed.describe());
        assertFalse(resumed.err().contains("\tat "), resumed.describe());

        assertEquals(names, FolderImages.files(out), "exactly one output per good image, and no temporary file");
        ImageDecoder decoder = new ImageDecoder(1_000_000);
        for (String name : names) {
            RgbImage y = decoder.read(out.resolve(name)); // a half-written PNG would not decode
            assertEquals(48, y.width(), name);
        }
    }

    @Test
    void twoShardsAsTwoProcessesAtOnceCoverTheFolderExactlyOnce() throws Exception {
        List<String> names = FolderImages.write(in, 40, 16);
        List<Process> shards = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path log = tmp.resolve("shard" + i + ".txt");
            logs.add(log);
            List<String> command = new ArrayList<>(List.of(Gdwct.LAUNCHER.toString()));
            command.addAll(args("--shard", i + "/2", "--format", "PNG"));
            shards.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        int translated = 0;
        for (int i = 0; i < 2; i++) {
            assertTrue(shards.get(i).waitFor(300, TimeUnit.SECONDS), "shard " + i + " still running");
            String log = Files.readString(logs.get(i));
            assertEquals(0, shards.get(i).exitValue(), log);
            Matcher m = TRANSLATED.matcher(log);
            assertTrue(m.find(), log);
            assertEquals("0", m.group(2), "no shard found another's output: " + log);
            assertTrue(log.contains("40 images, shard " + i + "/2 has " + m.group(1) + ": "), log);
            translated += Integer.parseInt(m.group(1));
        }
        assertEquals(40, translated);
        assertEquals(names, FolderImages.files(out));
    }

    @Test
    void aBadShardIsOneLineAndExitOne() throws Exception {
        Files.createDirectories(in);
        Gdwct.Result r = Gdwct.run(tmp, args("--shard", "2/2").toArray(String[]::new));
        assertEquals(1, r.exit(), r.describe());
        assertEquals("error: --shard: a shard is INDEX/COUNT with 0 <= INDEX < COUNT, got 2/2", r.err().strip(), r.describe());
    }

    private List<String> args(String... more) throws IOException {
        Path exemplar = tmp.resolve("exemplar.png");
        if (!Files.exists(exemplar)) {
            FolderImages.write(tmp.resolve("exemplar"), 1, 32);
            Files.copy(tmp.resolve("exemplar/img-0000.png"), exemplar);
        }
        List<String> args = new ArrayList<>(List.of("translate", "--model", TestModels.tinyModels().resolve("default").toString(),
                "--exemplar", exemplar.toString(), "--content-dir", in.toString(), "--out-dir", out.toString(),
                "--max-side", "64", "--device", "cpu"));
        args.addAll(List.of(more));
        return args;
    }

    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Gdwct.LAUNCHER.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits until the run has written a few outputs; fails if it ends first. */
    private static int waitForOutputs(Process p, Path out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            int n = outputs(out).size();
            if (n >= 3) {
                return n;
            }
            assertTrue(p.isAlive(), "the run ended (exit " + (p.isAlive() ? "" : p.exitValue()) + ") before it could be killed");
            Thread.sleep(5);
        }
        throw new AssertionError("no output after 240 s");
    }

    /** Final outputs only (not the temporary files of writes in progress). */
    private static List<Path> outputs(Path out) {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(f -> f.getFileName().toString().endsWith(".png") && !f.getFileName().toString().startsWith("."))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return outputs(out); // a folder changed under the walk: look again
        }
    }
}
