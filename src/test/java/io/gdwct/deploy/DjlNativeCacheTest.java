package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's read-only native cache works: docker/extract-djl-natives.sh (the step the Dockerfile
 * runs at build time) lays out the PyTorch natives so that DJL 0.33 loads them in place, offline,
 * and writes nothing to the cache. Runs the script on the same jars Maven resolved for this build
 * (pytorch-native-cpu here; the CUDA jar follows the same layout rules but is not downloaded for
 * tests), then loads the engine in a child JVM pointed at the result. Takes about 10 s and
 * ~450 MB of temporary disk; Linux x86_64 with a JDK only.
 */
class DjlNativeCacheTest {

    private static Path jarContaining(String resource) throws Exception {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        assertNotNull(url, resource + " not on the test classpath");
        String s = url.toString();
        assertTrue(s.startsWith("jar:file:"), resource + " is not in a jar: " + s);
        return Path.of(URI.create(s.substring("jar:".length(), s.indexOf("!/"))));
    }

    private static String run(List<String> command, Map<String, String> env, Path dir, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DJL_") || k.startsWith("PYTORCH_")
                || k.equals("ENGINE_CACHE_DIR") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), command + " timed out");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + " failed:\n" + text);
        return text;
    }

    /** relative path -> size and modification time of everything under {@code dir}. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                files.put(dir.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    @Test
    void djlLoadsTheBuildTimeExtractedNativesInPlaceAndWritesNothing(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch")),
                "the bundled natives are linux-x86_64");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        assumeTrue(Files.isExecutable(javaBin.resolve("jar")), "needs the JDK's jar tool, as in the Maven build image");

        // a fast-jar-like lib/ folder holding the three DJL jars of this build
        Path lib = Files.createDirectories(tmp.resolve("app/lib/main"));
        List<Path> links = new ArrayList<>();
        for (String resource : List.of("native/lib/pytorch.properties", "jnilib/pytorch.properties",
                "pytorch-engine.properties")) {
            Path jar = jarContaining(resource);
            links.add(Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar));
        }

        Path cache = tmp.resolve("djl-cache");
        String script = Repo.path("docker/extract-djl-natives.sh").toString();
        String log;
        try {
            log = run(List.of("sh", script, tmp.resolve("app").toString(), cache.toString()),
                    Map.of("PATH", javaBin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), tmp, 600);
        } finally {
            for (Path link : links) {
                Files.delete(link); // the link only, not the jar in ~/.m2
            }
        }

        Path target;
        try (Stream<Path> dirs = Files.list(cache.resolve("pytorch"))) {
            List<Path> found = dirs.toList();
            assertEquals(1, found.size(), "one flavor folder: " + found + "\n" + log);
            target = found.get(0);
        }
        assertTrue(target.getFileName().toString().matches("2\\.5\\.1-\\d{8}-cpu-linux-x86_64"), target.toString());
        assertTrue(Files.exists(target.resolve("libtorch.so")));
        assertTrue(Files.exists(target.resolve("0.33.0-libdjl_torch.so")), "JNI library under DJL's versioned name");

        Map<String, String> before = snapshot(cache);
        Path jvmTmp = Files.createDirectories(tmp.resolve("jvm-tmp"));
        String java = javaBin.resolve("java").toString();
        String out = run(List.of(java, "-Xmx256m", "-Dai.djl.offline=true", "-Djava.io.tmpdir=" + jvmTmp,
                        "-cp", System.getProperty("java.class.path"), DjlCacheProbe.class.getName()),
                Map.of("DJL_CACHE_DIR", cache.toString(), "DJL_OFFLINE", "true"), tmp, 180);

        assertTrue(out.contains("sum=15.0"), out);
        assertTrue(out.contains("libtorch=" + target.toAbsolutePath()), "libtorch not loaded from the pre-extracted folder:\n" + out);
        assertEquals(before, snapshot(cache), "DJL wrote to the cache, which is read-only in the image:\n" + out);
    }
}
