package io.gdwct.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rendered manifests of each kustomization under k8s/, bound to the typed model. */
final class Manifests {

    /** One kustomization, rendered. */
    record Variant(String name, Path dir, List<HasMetadata> objects) {

        static Variant of(String name, String dir) {
            Path path = Repo.path(dir);
            return new Variant(name, path, Kustomize.objects(path));
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                throw new AssertionError(name + ": expected one " + type.getSimpleName() + ", found " + found.size());
            }
            return found.get(0);
        }

        Deployment deployment() {
            return one(Deployment.class);
        }

        Service service() {
            return one(Service.class);
        }

        HorizontalPodAutoscaler hpa() {
            return one(HorizontalPodAutoscaler.class);
        }

        PodDisruptionBudget pdb() {
            return one(PodDisruptionBudget.class);
        }

        Job job() {
            return one(Job.class);
        }

        Optional<ConfigMap> configMap(String name) {
            return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
        }

        Optional<PersistentVolumeClaim> claim(String name) {
            return all(PersistentVolumeClaim.class).stream()
                    .filter(c -> c.getMetadata().getName().equals(name)).findFirst();
        }

        /**
         * The environment a container gets from its envFrom ConfigMaps and env values, as
         * Kubernetes assembles it (env overrides envFrom). Fails for a ConfigMap that is not there.
         */
        Map<String, String> environment(Container c) {
            Map<String, String> env = new LinkedHashMap<>();
            for (EnvFromSource from : nullSafe(c.getEnvFrom())) {
                if (from.getConfigMapRef() != null) {
                    String ref = from.getConfigMapRef().getName();
                    ConfigMap cm = configMap(ref).orElseThrow(() -> new AssertionError(
                            name + ": container " + c.getName() + " uses ConfigMap " + ref + ", which is not rendered"));
                    env.putAll(cm.getData());
                }
            }
            for (EnvVar v : nullSafe(c.getEnv())) {
                if (v.getValue() != null) {
                    env.put(v.getName(), v.getValue());
                }
            }
            return env;
        }
    }

    private static final Map<String, Object> RENDERED = new ConcurrentHashMap<>();

    /** k8s/base, rendered. */
    static Variant cpu() {
        return rendered("k8s/base");
    }

    /** k8s/gpu (base + GPU overlay), rendered. */
    static Variant gpu() {
        return rendered("k8s/gpu");
    }

    /** k8s/training, rendered. */
    static Variant training() {
        return rendered("k8s/training");
    }

    /** k8s/translate (folder translation as an Indexed Job), rendered. */
    static Variant translate() {
        return rendered("k8s/translate");
    }

    /** Every kustomization under k8s/, rendered. */
    static List<Variant> all() {
        return List.of(cpu(), gpu(), training(), translate());
    }

    /**
     * Renders once per test JVM. A manifest that does not render fails each test that uses it with
     * the reason (ManifestFilesTest names the file), instead of a class-initialisation error.
     */
    private static Variant rendered(String dir) {
        Object result = RENDERED.computeIfAbsent(dir, d -> {
            try {
                return Variant.of(d, d);
            } catch (RuntimeException e) {
                return e;
            }
        });
        if (result instanceof RuntimeException e) {
            throw new AssertionError(dir + " does not render: " + e.getMessage(), e);
        }
        return (Variant) result;
    }

    private Manifests() {
    }

    static Container onlyContainer(PodSpec pod) {
        if (pod.getContainers().size() != 1) {
            throw new AssertionError("expected one container, found " + pod.getContainers().size());
        }
        return pod.getContainers().get(0);
    }

    /** The container port that {@code port} (a number or a port name) refers to, if any. */
    static Optional<ContainerPort> resolvePort(Container c, IntOrString port) {
        return nullSafe(c.getPorts()).stream().filter(p -> port.getIntVal() != null
                ? port.getIntVal().equals(p.getContainerPort())
                : port.getStrVal().equals(p.getName())).findFirst();
    }

    static BigDecimal amount(Map<String, Quantity> resources, String name) {
        Quantity q = resources == null ? null : resources.get(name);
        return q == null ? null : Quantity.getAmountInBytes(q);
    }

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

    /** A Quarkus duration ("30s", "500ms", "2m", "PT30S", or plain seconds). */
    static Duration duration(String text) {
        Matcher m = SIMPLE_DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Duration.parse(text.trim());
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
