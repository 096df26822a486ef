package io.gdwct.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes YAML into the typed fabric8 model as strictly as the API server would.
 *
 * <p>Jackson alone is not enough: fabric8 model classes collect unknown fields into
 * {@code additionalProperties} (an {@code @JsonAnySetter}), so {@code FAIL_ON_UNKNOWN_PROPERTIES}
 * never fires for them. After binding, {@link #unknownFields} walks the object graph and reports
 * every non-empty {@code additionalProperties} map with its path. Type mismatches ({@code replicas:
 * "two"}, and also {@code replicas: "2"}, {@code 2.5}, or a number where a string belongs, all of
 * which the API server rejects) fail during binding, because scalar coercion is switched off.
 */
final class StrictYaml {

    /** The kinds the manifests may contain, by {@code apiVersion/kind}. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "batch/v1/Job", Job.class);

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    static final ObjectMapper MAPPER = newMapper();

    private StrictYaml() {
    }

    private static ObjectMapper newMapper() {
        YAMLFactory yaml = YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = YAMLMapper.builder(yaml)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // Kubernetes decodes JSON strictly typed: "2" is not an int32, 2 is not a string.
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Every YAML document in {@code file}, in order; empty documents ({@code ---} alone) are skipped. */
    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(String yaml, String where) {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(yaml);
                MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(parser)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new ManifestException(where + ": a document is not a mapping: " + doc);
                }
                docs.add(doc);
            }
        } catch (JsonMappingException e) {
            throw new ManifestException(where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ManifestException(where + ": not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /** The one document in {@code file}. */
    static JsonNode single(Path file) {
        List<JsonNode> docs = documents(file);
        if (docs.size() != 1) {
            throw new ManifestException(file + ": expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    /** Binds a complete Kubernetes object, picking the model class from its apiVersion and kind. */
    static HasMetadata object(JsonNode doc, String where) {
        String key = doc.path("apiVersion").asText("") + "/" + doc.path("kind").asText("");
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new ManifestException(where + ": unsupported apiVersion/kind '" + key + "' (known: "
                    + KINDS.keySet() + ")");
        }
        HasMetadata object = bind(doc, type, where);
        if (object.getMetadata() == null || object.getMetadata().getName() == null) {
            throw new ManifestException(where + ": " + key + " without metadata.name");
        }
        return object;
    }

    /**
     * Binds {@code doc} to {@code type} strictly: unknown fields anywhere and wrong scalar types
     * fail, naming the path. Works for partial objects (patches) too: nothing is required.
     */
    static <T> T bind(JsonNode doc, Class<T> type, String where) {
        T value;
        try {
            value = MAPPER.treeToValue(doc, type);
        } catch (JsonMappingException e) {
            throw new ManifestException(where + ": " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ManifestException(where + ": " + e.getMessage(), e);
        }
        List<String> unknown = unknownFields(value);
        if (!unknown.isEmpty()) {
            throw new ManifestException(where + ": unknown field(s) " + unknown);
        }
        return value;
    }

    static <T> T bind(String yaml, Class<T> type, String where) {
        List<JsonNode> docs = documents(yaml, where);
        if (docs.size() != 1) {
            throw new ManifestException(where + ": expected one YAML document, found " + docs.size());
        }
        return bind(docs.get(0), type, where);
    }

    /**
     * Paths of all fields that landed in an {@code additionalProperties} map of a fabric8 model
     * object, e.g. {@code spec.template.spec.containers[0].readinesProbe}.
     */
    static List<String> unknownFields(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), path + "[" + e.getKey() + "]", found);
            }
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return; // String, Integer, Boolean, ...: leaves
        }
        BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(value.getClass()));
        AnnotatedMember anyGetter = bean.findAnyGetter();
        if (anyGetter != null && anyGetter.getValue(value) instanceof Map<?, ?> extra) {
            for (Object key : extra.keySet()) {
                found.add(join(path, String.valueOf(key)));
            }
        }
        for (BeanPropertyDefinition property : bean.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null) {
                walk(accessor.getValue(value), join(path, property.getName()), found);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** {@code spec.template.spec.containers[0].ports[0].containerPort} from a Jackson error. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(document)" : sb.toString();
    }

    /** A deep copy of a document as an editable tree (for tests that break a real manifest). */
    static ObjectNode copy(JsonNode doc) {
        return (ObjectNode) doc.deepCopy();
    }

    /** YAML text of a tree, for error messages and for feeding modified copies back in. */
    static String yaml(JsonNode doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raised for any manifest that the API server would reject or that this code cannot read. */
    static final class ManifestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ManifestException(String message) {
            super(message);
        }

        ManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
