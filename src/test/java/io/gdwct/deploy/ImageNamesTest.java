package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One release, two images: {@code ghcr.io/gdwct/gdwct-server:X} (CPU) and {@code ...:X-cuda}
 * (GPU). The base Deployment is the reference; every other mention in the manifests, the
 * Dockerfile, docs/deploy.md (and README.md, once it names an image) must agree with it.
 */
class ImageNamesTest {

    private static final String REPOSITORY = "ghcr.io/gdwct/gdwct-server";
    /** Any image reference ending in gdwct-server:TAG, with or without a registry/path. */
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w./-])((?:[\\w.-]+/)*gdwct-server:[\\w.-]*\\w)");

    private String cpu;
    private String gpu;
    private String tag;

    @BeforeEach
    void reference() {
        cpu = Manifests.onlyContainer(Manifests.cpu().deployment().getSpec().getTemplate().getSpec()).getImage();
        gpu = cpu + "-cuda";
        tag = cpu.substring(cpu.lastIndexOf(':') + 1);
    }

    private static Set<String> references(String text) {
        Set<String> refs = new TreeSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    private static List<String> filesToCheck() {
        List<String> files = new ArrayList<>(Repo.yamlFiles("k8s"));
        files.add("Dockerfile");
        files.add("docs/deploy.md");
        if (Files.exists(Repo.path("README.md")) && Repo.read("README.md").contains("gdwct-server:")) {
            files.add("README.md");
        }
        return files;
    }

    @Test
    void referenceImageIsTheVersionedCpuImage() {
        assertEquals(REPOSITORY + ":0.1.0", cpu);
        assertTrue(tag.matches("\\d+\\.\\d+\\.\\d+"), "a release tag, not latest: " + tag);
    }

    @Test
    void everyMentionIsOneOfTheTwoImages() {
        for (String file : filesToCheck()) {
            for (String ref : references(Repo.read(file))) {
                assertTrue(ref.equals(cpu) || ref.equals(gpu), file + " mentions " + ref + ", expected " + cpu + " or " + gpu);
            }
        }
    }

    @Test
    void dockerfileAndDocsNameBothImages() {
        for (String file : List.of("Dockerfile", "docs/deploy.md")) {
            Set<String> refs = references(Repo.read(file));
            assertTrue(refs.contains(cpu), file + " does not mention " + cpu);
            assertTrue(refs.contains(gpu), file + " does not mention " + gpu);
        }
    }

    @Test
    void renderedWorkloadsUseTheRightImage() {
        assertEquals(gpu, Manifests.onlyContainer(Manifests.gpu().deployment().getSpec().getTemplate().getSpec()).getImage());
        assertEquals(gpu, Manifests.onlyContainer(Manifests.training().job().getSpec().getTemplate().getSpec()).getImage());
        assertEquals(cpu, Manifests.onlyContainer(Manifests.translate().job().getSpec().getTemplate().getSpec()).getImage());
    }

    @Test
    void imageLabelsAndVersionLabelsCarryTheSameTag() {
        Dockerfile df = Dockerfile.main();
        assertEquals(cpu, df.labels(df.last(), "cpu").get("io.gdwct.image"));
        assertEquals(gpu, df.labels(df.last(), "cuda").get("io.gdwct.image"));
        assertEquals(tag, df.labels(df.last(), "cpu").get("org.opencontainers.image.version"));
        for (Manifests.Variant v : Manifests.all()) {
            v.objects().forEach(o -> {
                Map<String, String> labels = o.getMetadata().getLabels();
                if (labels != null && labels.containsKey("app.kubernetes.io/version")) {
                    assertEquals(tag, labels.get("app.kubernetes.io/version"), v.name() + " " + o.getKind());
                }
            });
        }
        for (Map<String, String> podLabels : List.of(
                Manifests.cpu().deployment().getSpec().getTemplate().getMetadata().getLabels(),
                Manifests.gpu().deployment().getSpec().getTemplate().getMetadata().getLabels(),
                Manifests.training().job().getSpec().getTemplate().getMetadata().getLabels(),
                Manifests.translate().job().getSpec().getTemplate().getMetadata().getLabels())) {
            assertEquals(tag, podLabels.get("app.kubernetes.io/version"), "pod template version label");
        }
    }
}
