package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-checks {@link Kustomize} against the real thing: {@code kubectl kustomize} renders offline
 * (no cluster needed). Skipped where kubectl is not installed; the other tests then rely on
 * {@link Kustomize} alone.
 */
class KustomizeRenderTest {

    private static String kubectlKustomize(String dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", Repo.path(dir).toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "kubectl not installed: " + e.getMessage());
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "kubectl kustomize " + dir + " failed:\n" + text);
        return text;
    }

    private static final ObjectMapper SORTED =
            StrictYaml.MAPPER.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final Comparator<HasMetadata> ORDER =
            Comparator.comparing((HasMetadata o) -> o.getKind()).thenComparing(o -> o.getMetadata().getName());

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/gpu", "k8s/training", "k8s/translate"})
    void kubectlRendersTheSameObjects(String dir) throws Exception {
        String rendered = kubectlKustomize(dir);
        List<HasMetadata> fromKubectl = new ArrayList<>();
        for (JsonNode doc : StrictYaml.documents(rendered, "kubectl kustomize " + dir)) {
            fromKubectl.add(StrictYaml.object(doc, "kubectl kustomize " + dir));
        }
        List<HasMetadata> ours = new ArrayList<>(Kustomize.objects(Repo.path(dir)));
        fromKubectl.sort(ORDER);
        ours.sort(ORDER);
        assertEquals(fromKubectl.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            // key order of maps does not matter (kustomize sorts them)
            assertEquals(SORTED.writeValueAsString(fromKubectl.get(i)), SORTED.writeValueAsString(ours.get(i)),
                    dir + ": " + ours.get(i).getKind() + " differs from kubectl's rendering");
        }
    }
}
