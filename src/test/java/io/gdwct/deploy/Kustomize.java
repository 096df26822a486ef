package io.gdwct.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small part of kustomize that k8s/ uses, so that overlays can be checked without the
 * kustomize binary: {@code resources} (files and directories), {@code patches} with a
 * strategic-merge patch file, and {@code images}. The kustomization file is bound strictly, so a
 * field this class does not implement (namePrefix, labels, configMapGenerator, ...) fails loudly
 * instead of being ignored. {@code KustomizeRenderTest} compares the result with
 * {@code kubectl kustomize} where kubectl is installed.
 */
final class Kustomize {

    /** The fields of kustomize.config.k8s.io/v1beta1 Kustomization that are supported here. */
    record Kustomization(String apiVersion, String kind, List<String> resources, List<Patch> patches,
            List<Image> images) {
    }

    /** A patch given by file; the target is the object with the patch's apiVersion, kind and name. */
    record Patch(String path) {
    }

    /** The images transformer: replaces name and/or tag of every container image named {@code name}. */
    record Image(String name, String newName, String newTag) {
    }

    /** Lists whose items strategic merge matches by a key instead of replacing the whole list. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "ephemeralContainers", "name",
            "volumes", "name",
            "env", "name",
            "imagePullSecrets", "name",
            "volumeMounts", "mountPath");

    private Kustomize() {
    }

    static Kustomization read(Path dir) {
        Kustomization k = StrictYaml.bind(StrictYaml.single(dir.resolve("kustomization.yaml")),
                Kustomization.class, dir.resolve("kustomization.yaml").toString());
        if (!"kustomize.config.k8s.io/v1beta1".equals(k.apiVersion()) || !"Kustomization".equals(k.kind())) {
            throw new StrictYaml.ManifestException(dir + "/kustomization.yaml: apiVersion/kind must be "
                    + "kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        return k;
    }

    /** Files a kustomization reads directly (its resources that are files, and its patches). */
    static Set<Path> referencedFiles(Path dir) {
        Kustomization k = read(dir);
        Set<Path> files = new LinkedHashSet<>();
        files.add(dir.resolve("kustomization.yaml").normalize());
        for (String r : nullSafe(k.resources())) {
            Path p = dir.resolve(r).normalize();
            if (Files.isDirectory(p)) {
                files.addAll(referencedFiles(p));
            } else {
                files.add(p);
            }
        }
        for (Patch patch : nullSafe(k.patches())) {
            files.add(dir.resolve(patch.path()).normalize());
        }
        return files;
    }

    /** Renders the kustomization in {@code dir} to a list of documents. */
    static List<ObjectNode> build(Path dir) {
        Kustomization k = read(dir);
        List<ObjectNode> docs = new ArrayList<>();
        for (String r : nullSafe(k.resources())) {
            Path p = dir.resolve(r).normalize();
            if (!Files.exists(p)) {
                throw new StrictYaml.ManifestException(dir + ": resource " + r + " does not exist");
            }
            if (Files.isDirectory(p)) {
                docs.addAll(build(p));
            } else {
                for (JsonNode doc : StrictYaml.documents(p)) {
                    docs.add((ObjectNode) doc);
                }
            }
        }
        for (Patch patch : nullSafe(k.patches())) {
            Path file = dir.resolve(patch.path()).normalize();
            ObjectNode p = (ObjectNode) StrictYaml.single(file);
            ObjectNode target = find(docs, p, file);
            merge(target, p, "");
        }
        for (Image image : nullSafe(k.images())) {
            for (ObjectNode doc : docs) {
                retag(doc, image);
            }
        }
        return docs;
    }

    /** {@link #build} bound to the typed model, strictly. */
    static List<HasMetadata> objects(Path dir) {
        List<HasMetadata> objects = new ArrayList<>();
        for (ObjectNode doc : build(dir)) {
            objects.add(StrictYaml.object(doc, dir + " (rendered " + doc.path("kind").asText() + ")"));
        }
        return objects;
    }

    private static ObjectNode find(List<ObjectNode> docs, ObjectNode patch, Path file) {
        String apiVersion = patch.path("apiVersion").asText();
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        List<ObjectNode> matches = docs.stream()
                .filter(d -> d.path("apiVersion").asText().equals(apiVersion)
                        && d.path("kind").asText().equals(kind)
                        && d.path("metadata").path("name").asText().equals(name))
                .toList();
        if (matches.size() != 1) {
            throw new StrictYaml.ManifestException(file + ": patch target " + apiVersion + " " + kind + " "
                    + name + " matches " + matches.size() + " resources, expected 1");
        }
        return matches.get(0);
    }

    /** Strategic merge: maps merge, keyed lists merge item by item, other lists and scalars replace. */
    static void merge(ObjectNode target, ObjectNode patch, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            String at = path.isEmpty() ? key : path + "." + key;
            if (key.startsWith("$")) {
                throw new StrictYaml.ManifestException("patch directive " + at + " is not supported here");
            }
            JsonNode current = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (current instanceof ObjectNode c && value instanceof ObjectNode v) {
                merge(c, v, at);
            } else if (current instanceof ArrayNode c && value instanceof ArrayNode v && mergeKey(key, v) != null) {
                mergeList(c, v, mergeKey(key, v), at);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String field, ArrayNode items) {
        if ("ports".equals(field)) {
            // container ports merge by containerPort, service ports by port
            return items.size() > 0 && items.get(0).has("containerPort") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key, String path) {
        for (JsonNode item : patch) {
            if (!item.isObject() || !item.has(key)) {
                throw new StrictYaml.ManifestException("patch " + path + ": item without merge key " + key);
            }
            ObjectNode match = null;
            for (JsonNode existing : target) {
                if (existing.path(key).equals(item.get(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                target.add(item.deepCopy());
            } else {
                merge(match, (ObjectNode) item, path + "[" + key + "=" + item.get(key).asText() + "]");
            }
        }
    }

    private static void retag(ObjectNode doc, Image image) {
        JsonNode podSpec = doc.at("/spec/template/spec");
        if (!podSpec.isObject()) {
            return;
        }
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : podSpec.path(list)) {
                String ref = c.path("image").asText();
                String name = imageName(ref);
                if (!name.equals(image.name())) {
                    continue;
                }
                String tag = ref.substring(name.length()); // ":0.1.0" or ""
                String newRef = (image.newName() != null ? image.newName() : name)
                        + (image.newTag() != null ? ":" + image.newTag() : tag);
                ((ObjectNode) c).put("image", newRef);
            }
        }
    }

    /** {@code ghcr.io/gdwct/gdwct-server} of {@code ghcr.io/gdwct/gdwct-server:0.1.0}. */
    static String imageName(String ref) {
        int at = ref.indexOf('@');
        String noDigest = at >= 0 ? ref.substring(0, at) : ref;
        int colon = noDigest.lastIndexOf(':');
        return colon > noDigest.lastIndexOf('/') ? noDigest.substring(0, colon) : noDigest;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
