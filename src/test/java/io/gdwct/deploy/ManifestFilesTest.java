package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every YAML document under k8s/ binds strictly to the typed Kubernetes model: complete objects by
 * their apiVersion/kind, kustomization files to the supported subset, and patch files (partial
 * objects) to the class of the kind they patch, so their field names and types are checked too.
 */
class ManifestFilesTest {

    private static final List<String> KUSTOMIZATIONS = List.of("k8s/base", "k8s/gpu", "k8s/training", "k8s/translate");

    private static Set<Path> patchFiles() {
        Set<Path> patches = new HashSet<>();
        for (String dir : KUSTOMIZATIONS) {
            Kustomize.Kustomization k = Kustomize.read(Repo.path(dir));
            if (k.patches() != null) {
                k.patches().forEach(p -> patches.add(Repo.path(dir).resolve(p.path()).normalize()));
            }
        }
        return patches;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentBindsStrictly() {
        Set<Path> patches = patchFiles();
        return Repo.yamlFiles("k8s").stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            Path path = Repo.path(file);
            List<JsonNode> docs = StrictYaml.documents(path);
            assertFalse(docs.isEmpty(), file + " has no document");
            if (path.getFileName().toString().equals("kustomization.yaml")) {
                assertNotNull(Kustomize.read(path.getParent()));
                return;
            }
            for (JsonNode doc : docs) {
                String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                Class<? extends HasMetadata> type = StrictYaml.KINDS.get(key);
                assertNotNull(type, file + ": unsupported apiVersion/kind " + key);
                if (patches.contains(path)) {
                    // partial object: field names and types still checked
                    HasMetadata patch = StrictYaml.bind(doc, type, file);
                    assertNotNull(patch.getMetadata().getName(), file + ": a patch needs metadata.name to find its target");
                } else {
                    StrictYaml.object(doc, file);
                }
            }
        }));
    }

    @Test
    void everyManifestFileIsPartOfAKustomization() {
        // a file nobody references is never applied: most likely a mistake
        Set<Path> referenced = new HashSet<>();
        for (String dir : KUSTOMIZATIONS) {
            referenced.addAll(Kustomize.referencedFiles(Repo.path(dir)));
        }
        for (String file : Repo.yamlFiles("k8s")) {
            assertTrue(referenced.contains(Repo.path(file).normalize()), file + " is not referenced by any kustomization.yaml");
        }
    }

    @Test
    void everyKustomizationRendersToStrictlyValidObjects() {
        assertEquals(5, Manifests.cpu().objects().size(), "base: ConfigMap, Deployment, Service, HPA, PDB");
        assertEquals(5, Manifests.gpu().objects().size(), "gpu overlay: the same five objects");
        assertEquals(2, Manifests.training().objects().size(), "training: PVC and Job");
        assertEquals(2, Manifests.translate().objects().size(), "translate: PVC and Indexed Job");
        for (Manifests.Variant v : Manifests.all()) {
            for (HasMetadata o : v.objects()) {
                assertTrue(StrictYaml.unknownFields(o).isEmpty(), v.name() + " " + o.getKind());
            }
        }
    }

    @Test
    void noNamespaceIsHardCoded() {
        // the namespace is chosen at apply time (kubectl apply -k DIR -n NAMESPACE)
        for (Manifests.Variant v : Manifests.all()) {
            for (HasMetadata o : v.objects()) {
                assertEquals(null, o.getMetadata().getNamespace(), v.name() + " " + o.getKind());
            }
        }
    }
}
