package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Dockerfile (one file, FLAVOR=cpu|cuda) and .dockerignore, read as text. */
class DockerfileTest {

    private static final Dockerfile DF = Dockerfile.main();
    private static final String JAR = "/app/quarkus-app/quarkus-run.jar";

    @Test
    void buildStageRunsMavenAndTheCudaProfileIsSelectedByFlavor() {
        Dockerfile.Stage build = DF.stage("build");
        assertEquals("maven:3.9-eclipse-temurin-17", build.from());
        String run = String.join("\n", DF.in(build, "RUN").stream().map(Dockerfile.Instruction::args).toList());
        assertTrue(run.contains("mvn -B -DskipTests"), "mvn -B -DskipTests ... package");
        assertTrue(run.contains("package"));
        assertTrue(run.contains("cuda) profile=\"-Pcuda\""), "FLAVOR=cuda must build with -Pcuda");
        assertEquals("cpu", DF.globalArgs.get("FLAVOR"), "the default image is the CPU one");
    }

    @Test
    void runtimeBasesAreTheJreAndTheCudaRuntime() {
        assertEquals("eclipse-temurin:17-jre-jammy", DF.globalArgs.get("JRE_IMAGE"));
        assertEquals("nvidia/cuda:12.4.1-runtime-ubuntu22.04", DF.globalArgs.get("CUDA_IMAGE"));
        assertEquals("${JRE_IMAGE}", DF.stage("jre").from());
        assertEquals("jre", DF.stage("base-cpu").from());
        assertEquals("${CUDA_IMAGE}", DF.stage("base-cuda").from());
        assertEquals("base-${FLAVOR}", DF.last().from());
        // the CUDA image gets the same JRE
        assertTrue(DF.in(DF.stage("base-cuda"), "COPY").stream()
                .anyMatch(i -> i.args().equals("--from=jre /opt/java/openjdk /opt/java/openjdk")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "cuda"})
    void runsAsTheNonRootUser(String flavor) {
        Dockerfile.Instruction user = DF.effective(DF.last(), flavor, "USER");
        assertNotNull(user, "no USER: the image would run as root");
        String uid = user.args().split(":")[0];
        assertTrue(uid.matches("\\d+"), "numeric USER, so runAsNonRoot can verify it: " + user.args());
        assertNotEquals("0", uid);
        assertEquals(SecurityRules.UID, Long.parseLong(uid), "must match runAsUser in k8s/");
        assertTrue(DF.in(DF.last(), "RUN").stream().anyMatch(i -> i.args().contains("--uid " + uid)),
                "the user is created with that uid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "cuda"})
    void exposesTheHttpPortAndChecksLiveness(String flavor) {
        assertEquals("8080", DF.effective(DF.last(), flavor, "EXPOSE").args());
        Dockerfile.Instruction health = DF.effective(DF.last(), flavor, "HEALTHCHECK");
        assertNotNull(health, "no HEALTHCHECK");
        assertTrue(health.args().contains("CMD curl -fsS"), health.args());
        assertTrue(health.args().contains("http://localhost:8080/q/health/live"), health.args());
        // curl must exist in both images: asserted in the CPU base, installed in the CUDA base
        assertTrue(DF.in(DF.stage("base-cpu"), "RUN").stream().anyMatch(i -> i.args().contains("command -v curl")));
        assertTrue(DF.in(DF.stage("base-cuda"), "RUN").stream().anyMatch(i -> i.args().contains("install -y --no-install-recommends curl")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "cuda"})
    void environmentHasTheNativeSettings(String flavor) {
        Map<String, String> env = DF.runtimeEnv(flavor);
        assertEquals("40000000", env.get("OPENCV_IO_MAX_IMAGE_PIXELS"));
        assertEquals("true", env.get("DJL_OFFLINE"));
        assertEquals("/opt/djl-cache", env.get("DJL_CACHE_DIR"));
        assertEquals("/app/models", env.get("GDWCT_MODELS_DIR"));
        // oneDNN's float32 convolutions are wrong above SSE4.1 on some AVX-512 CPUs (ConvolutionCheck)
        assertEquals("SSE41", env.get("ONEDNN_MAX_CPU_ISA"));
        // the same limit as the Kubernetes config (where it sits next to gdwct.limits.max-pixels)
        Map<String, String> k8s = Manifests.cpu().environment(Manifests.onlyContainer(
                Manifests.cpu().deployment().getSpec().getTemplate().getSpec()));
        assertEquals(env.get("OPENCV_IO_MAX_IMAGE_PIXELS"), k8s.get("OPENCV_IO_MAX_IMAGE_PIXELS"));
        if (flavor.equals("cuda")) {
            assertTrue(env.get("PATH").startsWith("/opt/java/openjdk/bin:"), "java on the PATH of the CUDA image");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "cuda"})
    void entrypointIsTheJvmInExecFormAndServeIsTheDefaultCommand(String flavor) {
        List<String> entrypoint = Dockerfile.execForm(DF.effective(DF.last(), flavor, "ENTRYPOINT"));
        assertEquals("java", entrypoint.get(0));
        assertTrue(entrypoint.contains("-Dai.djl.offline=true"));
        assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=25"), "small heap: libtorch memory is off-heap");
        assertTrue(entrypoint.contains("-XX:+ExitOnOutOfMemoryError"));
        assertEquals(List.of("-jar", JAR), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()),
                "CMD must append the subcommand right after the jar");
        assertEquals(List.of("serve"), Dockerfile.execForm(DF.effective(DF.last(), flavor, "CMD")));
    }

    @Test
    void nativesAreExtractedAtBuildTimeWhereDjlLooks() {
        String cache = DF.runtimeEnv("cpu").get("DJL_CACHE_DIR");
        assertTrue(DF.in(DF.stage("build"), "RUN").stream().anyMatch(i -> i.args().equals(
                "sh /usr/local/bin/extract-djl-natives.sh /src/target/quarkus-app " + cache)));
        assertTrue(DF.in(DF.last(), "COPY").stream().anyMatch(i -> i.args().equals("--from=build " + cache + " " + cache)));
        assertTrue(Files.isRegularFile(Repo.path("docker/extract-djl-natives.sh")));
    }

    @Test
    void applicationAndModelsAreCopiedIn() {
        List<String> copies = DF.in(DF.last(), "COPY").stream().map(Dockerfile.Instruction::args).toList();
        assertTrue(copies.contains("--from=build /src/target/quarkus-app/lib/ /app/quarkus-app/lib/"));
        assertTrue(copies.contains("--from=build /src/target/quarkus-app/*.jar /app/quarkus-app/"));
        assertTrue(copies.contains("--from=build /src/target/quarkus-app/app/ /app/quarkus-app/app/"));
        assertTrue(copies.contains("--from=build /src/target/quarkus-app/quarkus/ /app/quarkus-app/quarkus/"));
        assertTrue(copies.contains("--from=build /src/models/ /app/models/"));
        // nothing is chowned to the service user: code and models stay read-only for it
        assertFalse(copies.stream().anyMatch(c -> c.contains("--chown")));
    }

    // ------------------------------------------------------------------------------ .dockerignore

    private static boolean ignored(List<String> patterns, String path) {
        boolean excluded = false;
        for (String raw : patterns) {
            boolean negate = raw.startsWith("!");
            String pattern = (negate ? raw.substring(1) : raw).replaceAll("^/+", "").replaceAll("/+$", "");
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            // a pattern that matches a directory excludes everything inside it
            for (Path p = Path.of(path); p != null; p = p.getParent()) {
                if (glob.matches(p)) {
                    excluded = !negate;
                    break;
                }
            }
        }
        return excluded;
    }

    @Test
    void dockerignoreKeepsBuildOutputAndRunsOutButTheSourcesIn() {
        List<String> patterns = Repo.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String out : List.of("target/quarkus-app/quarkus-run.jar", "runs/r1/checkpoint.params", ".git/HEAD")) {
            assertTrue(ignored(patterns, out), out + " should be excluded from the build context");
        }
        for (String in : List.of("pom.xml", "src/main/java/io/gdwct/image/RgbImage.java",
                "src/main/resources/application.properties", "docker/extract-djl-natives.sh", "models/default/gdwct.params")) {
            assertFalse(ignored(patterns, in), in + " is needed by the Dockerfile but excluded");
        }
    }
}
