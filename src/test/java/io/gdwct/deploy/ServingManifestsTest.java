package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The serving Deployment and its companions, checked for both variants: k8s/base (CPU) and the
 * rendered k8s/gpu overlay, so a patch cannot break what the base gets right.
 */
class ServingManifestsTest {

    static Stream<Manifests.Variant> variants() {
        return Stream.of(Manifests.cpu(), Manifests.gpu());
    }

    private static PodSpec pod(Manifests.Variant v) {
        return v.deployment().getSpec().getTemplate().getSpec();
    }

    private static Container container(Manifests.Variant v) {
        return Manifests.onlyContainer(pod(v));
    }

    private static Map<String, String> podLabels(Manifests.Variant v) {
        return v.deployment().getSpec().getTemplate().getMetadata().getLabels();
    }

    private static void assertSelects(Map<String, String> selector, Map<String, String> labels, String what) {
        assertNotNull(selector, what + ": no selector");
        assertFalse(selector.isEmpty(), what + ": empty selector selects everything");
        selector.forEach((k, val) -> assertEquals(val, labels.get(k), what + ": selector " + k + "=" + val
                + " does not match the pod template labels " + labels));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void deploymentSelectorMatchesPodTemplate(Manifests.Variant v) {
        Deployment d = v.deployment();
        assertEquals("apps/v1", d.getApiVersion());
        assertTrue(Manifests.nullSafe(d.getSpec().getSelector().getMatchExpressions()).isEmpty(), "matchLabels only");
        assertSelects(d.getSpec().getSelector().getMatchLabels(), podLabels(v), v.name() + " Deployment");
        assertEquals("gdwct-server", podLabels(v).get("app.kubernetes.io/name"));
        assertFalse(d.getSpec().getSelector().getMatchLabels().containsKey("app.kubernetes.io/version"),
                "the selector is immutable: a version label in it would block every upgrade");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void replicasAreLeftToTheAutoscaler(Manifests.Variant v) {
        assertNull(v.deployment().getSpec().getReplicas(),
                "spec.replicas would be re-applied by kubectl apply and fight the HPA");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void rolloutNeverDropsCapacity(Manifests.Variant v) {
        var rolling = v.deployment().getSpec().getStrategy().getRollingUpdate();
        assertEquals("RollingUpdate", v.deployment().getSpec().getStrategy().getType());
        assertEquals(0, rolling.getMaxUnavailable().getIntVal(), "old pods go only after new ones are Ready");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void serviceSelectsThePodsAndTargetsTheContainerPort(Manifests.Variant v) {
        var service = v.service().getSpec();
        assertSelects(service.getSelector(), podLabels(v), v.name() + " Service");
        assertEquals(1, service.getPorts().size());
        ServicePort port = service.getPorts().get(0);
        ContainerPort target = Manifests.resolvePort(container(v), port.getTargetPort()).orElseThrow(
                () -> new AssertionError("Service targetPort " + port.getTargetPort() + " is not a container port"));
        assertEquals(8080, target.getContainerPort());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void probesUseTheHealthEndpointsOnTheContainerPort(Manifests.Variant v) {
        Container c = container(v);
        Map<String, Probe> probes = Map.of(
                "/q/health/started", c.getStartupProbe(),
                "/q/health/ready", c.getReadinessProbe(),
                "/q/health/live", c.getLivenessProbe());
        probes.forEach((path, probe) -> {
            assertNotNull(probe, v.name() + ": no probe for " + path);
            HTTPGetAction get = probe.getHttpGet();
            assertNotNull(get, path + ": not an httpGet probe");
            assertEquals(path, get.getPath());
            assertTrue(get.getScheme() == null || get.getScheme().equals("HTTP"));
            ContainerPort port = Manifests.resolvePort(c, get.getPort()).orElseThrow(
                    () -> new AssertionError(path + ": probe port " + get.getPort() + " is not a container port"));
            assertEquals(8080, port.getContainerPort());
        });
        Probe startup = c.getStartupProbe();
        assertTrue(startup.getPeriodSeconds() * startup.getFailureThreshold() >= 300,
                "the startup probe must allow at least 5 minutes for model load and warm-up");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void securityContextIsLockedDown(Manifests.Variant v) {
        SecurityRules.assertLockedDown(pod(v), v.name());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyWritablePathIsAVolumeAndTheNativeCacheIsNotHidden(Manifests.Variant v) {
        SecurityRules.assertWritablePaths(pod(v), v.name());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void resourcesAreBoundedAndConsistentWithTheWorkerSettings(Manifests.Variant v) {
        Container c = container(v);
        var requests = c.getResources().getRequests();
        var limits = c.getResources().getLimits();
        for (String r : List.of("cpu", "memory")) {
            BigDecimal request = Manifests.amount(requests, r);
            BigDecimal limit = Manifests.amount(limits, r);
            assertNotNull(request, v.name() + ": no " + r + " request");
            assertNotNull(limit, v.name() + ": no " + r + " limit");
            assertTrue(request.compareTo(limit) <= 0, v.name() + ": " + r + " request above limit");
        }
        Map<String, String> env = v.environment(c);
        int workers = Integer.parseInt(env.get("GDWCT_INFERENCE_WORKERS"));
        int threads = Integer.parseInt(env.get("GDWCT_INFERENCE_THREADS_PER_WORKER"));
        assertTrue(BigDecimal.valueOf((long) workers * threads).compareTo(Manifests.amount(limits, "cpu")) <= 0,
                v.name() + ": workers x threads-per-worker exceeds the CPU limit (oversubscription)");
        // libtorch sizes its pools from the node's cores unless told; the pinned count must fit the limit too
        String tool = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
        var m = java.util.regex.Pattern.compile("-Dai\\.djl\\.pytorch\\.num_threads=(\\d+)").matcher(tool);
        assertTrue(m.find(), v.name() + ": -Dai.djl.pytorch.num_threads not set in JAVA_TOOL_OPTIONS");
        assertTrue(new BigDecimal(m.group(1)).compareTo(Manifests.amount(limits, "cpu")) <= 0);
        // the JVM heap is 25 % of the limit; libtorch lives off-heap in the remaining 75 %
        assertTrue(Manifests.amount(limits, "memory").compareTo(BigDecimal.valueOf(1L << 30)) >= 0,
                v.name() + ": memory limit below 1 GiB");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void configMapCarriesEverySetting(Manifests.Variant v) {
        Map<String, String> env = v.environment(container(v));
        for (String key : List.of("GDWCT_MODELS_DIR", "GDWCT_DEVICE", "GDWCT_INFERENCE_WORKERS",
                "GDWCT_INFERENCE_THREADS_PER_WORKER", "GDWCT_INFERENCE_QUEUE_SIZE", "GDWCT_INFERENCE_DEADLINE",
                "GDWCT_INFERENCE_WARMUP_SIZES", "GDWCT_LIMITS_MAX_PIXELS", "GDWCT_LIMITS_MAX_SIDE",
                "QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE", "OPENCV_IO_MAX_IMAGE_PIXELS")) {
            assertTrue(env.containsKey(key), v.name() + ": " + key + " not set");
        }
        assertEquals("/app/models", env.get("GDWCT_MODELS_DIR"));
        assertEquals(env.get("GDWCT_LIMITS_MAX_PIXELS"), env.get("OPENCV_IO_MAX_IMAGE_PIXELS"),
                "OpenCV's own cap must equal the service's pixel limit");
        assertTrue(List.of("auto", "cpu", "gpu").contains(env.get("GDWCT_DEVICE")));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void gracePeriodCoversTheRequestDeadline(Manifests.Variant v) {
        PodSpec pod = pod(v);
        Container c = container(v);
        Map<String, String> env = v.environment(c);
        Duration deadline = Manifests.duration(env.get("GDWCT_INFERENCE_DEADLINE"));
        long preStop = 0;
        if (c.getLifecycle() != null && c.getLifecycle().getPreStop() != null) {
            List<String> command = c.getLifecycle().getPreStop().getExec().getCommand();
            assertEquals("sleep", command.get(0), "preStop is expected to be a plain sleep");
            preStop = Long.parseLong(command.get(1));
        }
        long grace = pod.getTerminationGracePeriodSeconds();
        assertTrue(grace >= preStop + deadline.toSeconds() + 5,
                v.name() + ": terminationGracePeriodSeconds " + grace + " < preStop " + preStop
                        + " s + deadline " + deadline.toSeconds() + " s + 5 s margin");
        String shutdown = env.get("QUARKUS_SHUTDOWN_TIMEOUT");
        if (shutdown != null) {
            long drain = Manifests.duration(shutdown).toSeconds();
            assertTrue(drain >= deadline.toSeconds(), "Quarkus must wait for in-flight requests");
            assertTrue(preStop + drain < grace, "the kubelet would kill the JVM before Quarkus finished draining");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void autoscalerTargetsTheDeploymentOnCpu(Manifests.Variant v) {
        HorizontalPodAutoscaler hpa = v.hpa();
        assertEquals("autoscaling/v2", hpa.getApiVersion());
        var ref = hpa.getSpec().getScaleTargetRef();
        assertEquals("apps/v1", ref.getApiVersion());
        assertEquals("Deployment", ref.getKind());
        assertEquals(v.deployment().getMetadata().getName(), ref.getName());
        assertEquals(1, hpa.getSpec().getMinReplicas());
        assertEquals(5, hpa.getSpec().getMaxReplicas());
        MetricSpec cpu = hpa.getSpec().getMetrics().stream()
                .filter(m -> "Resource".equals(m.getType()) && "cpu".equals(m.getResource().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no CPU metric"));
        assertEquals("Utilization", cpu.getResource().getTarget().getType());
        int target = cpu.getResource().getTarget().getAverageUtilization();
        assertTrue(target >= 60 && target <= 80, "CPU target " + target + " % (expected about 70 %)");
        // utilisation is relative to the request: without one the HPA cannot compute it
        assertNotNull(Manifests.amount(container(v).getResources().getRequests(), "cpu"));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void disruptionBudgetAllowsOneAtATime(Manifests.Variant v) {
        PodDisruptionBudget pdb = v.pdb();
        assertEquals("policy/v1", pdb.getApiVersion());
        assertNotNull(pdb.getSpec().getMaxUnavailable());
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal(), "maxUnavailable: 1 (0 would block drains)");
        assertNull(pdb.getSpec().getMinAvailable(), "only one of minAvailable/maxUnavailable");
        assertEquals(v.deployment().getSpec().getSelector().getMatchLabels(),
                pdb.getSpec().getSelector().getMatchLabels(), "the PDB must cover exactly the Deployment's pods");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void trainingPodsAreNotServed(Manifests.Variant v) {
        Map<String, String> trainingLabels = Manifests.training().job().getSpec().getTemplate().getMetadata().getLabels();
        for (Map<String, String> selector : List.of(v.deployment().getSpec().getSelector().getMatchLabels(),
                v.service().getSpec().getSelector(), v.pdb().getSpec().getSelector().getMatchLabels())) {
            boolean matches = selector.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(trainingLabels.get(e.getKey())));
            assertFalse(matches, v.name() + ": selector " + selector + " also matches the training Job's pods");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void containerRunsServeOnPort8080(Manifests.Variant v) {
        Container c = container(v);
        assertEquals(List.of("serve"), c.getArgs());
        assertTrue(Manifests.nullSafe(c.getCommand()).isEmpty(), "keep the image's ENTRYPOINT (JVM flags live there)");
        assertEquals(1, c.getPorts().size());
        assertEquals(8080, c.getPorts().get(0).getContainerPort());
        assertNotEquals("Always", c.getImagePullPolicy(), "tags are immutable releases");
        Volume tmp = pod(v).getVolumes().stream().filter(vol -> vol.getName().equals(
                c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                        .map(VolumeMount::getName).findFirst().orElseThrow())).findFirst().orElseThrow();
        assertNotNull(tmp.getEmptyDir());
    }
}
