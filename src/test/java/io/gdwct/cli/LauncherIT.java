package io.gdwct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.api.TestModels;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.RgbImage;
import io.gdwct.model.ModelDirectory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every subcommand once as a real process through {@code bin/gdwct} on the packaged application
 * (run by failsafe after {@code package}): the launcher, picocli wiring and process environment
 * are what these check, so the workloads are tiny. import-official writes the model that
 * translate and evaluate then use.
 */
class LauncherIT {
    private static final Path IMAGES = Path.of("src/test/resources/images").toAbsolutePath();
    private static final Path OFFICIAL = Path.of("src/test/resources/official/tiny").toAbsolutePath();
    private static final Path PHOTO = IMAGES.resolve("photo-storm.jpg");
    private static final Path PAINTING = IMAGES.resolve("painting-arcimboldo-librarian.jpg");

    @TempDir
    Path tmp;

    @Test
    void importTranslateAndEvaluateChain() throws Exception {
        Path model = tmp.resolve("model");
        Gdwct.Result imp = Gdwct.run(tmp, "import-official", "--g-a", OFFICIAL.resolve("G_A.pth").toString(),
                "--g-b", OFFICIAL.resolve("G_B.pth").toString(), "--out", model.toString(),
                "--conv-dim", "8", "--n-group", "4", "--mlp-dim", "16", "--res-blocks", "8");
        assertEquals(0, imp.exit(), imp.describe());
        assertTrue(ModelDirectory.isModelDirectory(model), imp.describe());

        Path png = tmp.resolve("out.png");
        Gdwct.Result tr = Gdwct.run(tmp, "translate", "--model", model.toString(), "--content", PHOTO.toString(),
                "--exemplar", PAINTING.toString(), "--out", png.toString(), "--max-side", "64", "--strength", "0.5");
        assertEquals(0, tr.exit(), tr.describe());
        RgbImage y = new ImageDecoder(1_000_000).read(png);
        assertEquals(64, Math.max(y.width(), y.height()), tr.describe());
        assertTrue(tr.out().contains(png + ": " + y.width() + "x" + y.height() + ", a2b"), tr.describe());

        Path eval = tmp.resolve("eval");
        Gdwct.Result ev = Gdwct.run(tmp, "evaluate", "--model", model.toString(), "--content", IMAGES.toString(),
                "--exemplars", IMAGES.toString(), "--out", eval.toString(), "--max-side", "32", "--cell", "16");
        assertEquals(0, ev.exit(), ev.describe());
        assertTrue(Files.isRegularFile(eval.resolve("metrics.json")) && Files.isRegularFile(eval.resolve("grid.png")),
                ev.describe());
    }

    /** 128-pixel crops: the smallest the cpu-small discriminator (4 layers, 3 scales) can take. */
    @Test
    void trainAFewIterationsThenResume() throws Exception {
        Path run = tmp.resolve("run");
        List<String> common = List.of("train", "--data-a", IMAGES.toString(), "--data-b", IMAGES.toString(),
                "--out", run.toString(), "--preset", "cpu-small", "--image-size", "128", "--resize-short-side", "128",
                "--min-scale", "1", "--max-scale", "1", "--conv-dim", "4", "--n-group", "2", "--mlp-dim", "8",
                "--res-blocks", "2", "--checkpoint-every", "1", "--sample-every", "2", "--log-every", "1",
                "--seed", "1", "--device", "cpu", "--resume");
        Gdwct.Result first = Gdwct.run(tmp, args(common, "--iterations", "2"));
        assertEquals(0, first.exit(), first.describe());
        assertTrue(first.out().contains("stopped at iteration 2 of 2"), first.describe());

        Gdwct.Result resumed = Gdwct.run(tmp, args(common, "--iterations", "3"));
        assertEquals(0, resumed.exit(), resumed.describe());
        assertTrue(resumed.out().contains("stopped at iteration 3 of 3"), resumed.describe());
        assertTrue(ModelDirectory.isModelDirectory(run.resolve("model")), resumed.describe());
    }

    @Test
    void benchOneRun() throws Exception {
        Gdwct.Result b = Gdwct.run(tmp, "bench", "--runs", "1", "--warmup", "0", "--sizes", "32",
                "--conv-dim", "8", "--n-group", "4", "--mlp-dim", "16", "--res-blocks", "2", "--device", "cpu");
        assertEquals(0, b.exit(), b.describe());
        assertTrue(b.out().contains("32x32 forward: median"), b.describe());
    }

    /** serve loads the models and gets ready because the command starts serving (nothing else does). */
    @Test
    void serveBecomesReady() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Gdwct.Running serve = Gdwct.start(tmp, Map.of("QUARKUS_HTTP_PORT", "" + port, "GDWCT_DEVICE", "cpu",
                "GDWCT_MODELS_DIR", TestModels.tinyModels().toString(), "GDWCT_INFERENCE_WARMUP_SIZES", "32"), "serve");
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build();
            long end = System.nanoTime() + 120_000_000_000L;
            int status = 0;
            while (status != 200 && System.nanoTime() < end && serve.process().isAlive()) {
                Thread.sleep(250);
                try {
                    status = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException notYetListening) {
                    status = 0;
                }
            }
            assertEquals(200, status, "not ready\n--- stderr\n" + Files.readString(serve.err()));
        } finally {
            serve.process().destroy(); // SIGTERM, as Kubernetes stops it
            serve.finish("serve");
        }
    }

    /** A failing command ends with one line on stderr and a non-zero exit, never a stack trace. */
    @Test
    void aFailureIsOneLine() throws Exception {
        Gdwct.Result r = Gdwct.run(tmp, "translate", "--model", "models/default", "--content",
                tmp.resolve("missing.jpg").toString(), "--exemplar", PAINTING.toString(), "--out",
                tmp.resolve("x.png").toString());
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("error: --content: no such file"), r.describe());
        assertTrue(!r.err().contains("\tat "), r.describe());
    }

    private static String[] args(List<String> common, String... more) {
        return java.util.stream.Stream.concat(common.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
