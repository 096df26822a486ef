package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * k8s/translate: folder translation as an Indexed Job. Each pod takes the shard of its completion
 * index over one shared claim, retries resume, and the pods are locked down like every workload.
 */
class TranslateJobTest {

    private Job job;
    private JobSpec spec;
    private PodSpec pod;
    private Container translate;
    private List<String> args;

    @BeforeEach
    void render() {
        job = Manifests.translate().job();
        spec = job.getSpec();
        pod = spec.getTemplate().getSpec();
        translate = Manifests.onlyContainer(pod);
        args = translate.getArgs();
    }

    private String arg(String option) {
        int i = args.indexOf(option);
        assertTrue(i >= 0 && i + 1 < args.size(), "missing " + option);
        return args.get(i + 1);
    }

    @Test
    void isAnIndexedJobWithOnePodPerShard() {
        assertEquals("batch/v1", job.getApiVersion());
        assertEquals("Indexed", spec.getCompletionMode());
        assertTrue(spec.getCompletions() >= 2, "a single shard needs no Indexed Job");
        assertEquals(spec.getCompletions(), spec.getParallelism(), "every shard at once");
        assertNotNull(spec.getBackoffLimitPerIndex(), "retries are counted per shard");
    }

    @Test
    void eachPodTranslatesTheShardOfItsIndex() {
        assertEquals("translate", args.get(0), "the image's CMD is replaced by the subcommand");
        assertTrue(Manifests.nullSafe(translate.getCommand()).isEmpty(), "keep the image's ENTRYPOINT");
        assertEquals("$(JOB_COMPLETION_INDEX)/" + spec.getCompletions(), arg("--shard"),
                "--shard's N must equal completions, or images are translated twice or never");
        EnvVar index = Manifests.nullSafe(translate.getEnv()).stream()
                .filter(e -> e.getName().equals("JOB_COMPLETION_INDEX")).findFirst()
                .orElseThrow(() -> new AssertionError("$(JOB_COMPLETION_INDEX) refers to no variable"));
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']",
                index.getValueFrom().getFieldRef().getFieldPath());
        assertTrue(arg("--model").startsWith("/app/models/"), "the model baked into the image");
        assertEquals("cpu", arg("--device"), "the CPU image has no CUDA libtorch");
    }

    @Test
    void foldersAndExemplarAreOnTheSharedClaimAndTheOutputsWritable() {
        for (String option : List.of("--content-dir", "--exemplar", "--out-dir")) {
            String path = arg(option);
            VolumeMount mount = mountHolding(path).orElseThrow(() -> new AssertionError(option + " " + path + " is on no volume"));
            String claim = Optional.ofNullable(SecurityRules.volume(pod, mount.getName()).getPersistentVolumeClaim())
                    .orElseThrow(() -> new AssertionError(option + " is not on a claim")).getClaimName();
            PersistentVolumeClaim pvc = Manifests.translate().claim(claim)
                    .orElseThrow(() -> new AssertionError("PVC " + claim + " is not defined in k8s/translate"));
            assertTrue(pvc.getSpec().getAccessModes().contains("ReadWriteMany"),
                    "pods of one Job run at once on any node: the claim must be ReadWriteMany");
            if (option.equals("--out-dir")) {
                assertFalse(Boolean.TRUE.equals(mount.getReadOnly()), "outputs need a writable mount");
            }
        }
    }

    private Optional<VolumeMount> mountHolding(String path) {
        return Manifests.nullSafe(translate.getVolumeMounts()).stream()
                .filter(m -> (path + "/").startsWith(m.getMountPath().replaceAll("/?$", "/"))).findFirst();
    }

    @Test
    void evictionsAreFreeUsageErrorsFailTheJobAndBadImagesFailTheirIndexOnly() {
        assertEquals("Never", pod.getRestartPolicy(), "podFailurePolicy requires restartPolicy: Never");
        List<PodFailurePolicyRule> rules = spec.getPodFailurePolicy().getRules();
        assertTrue(rules.stream().anyMatch(r -> "Ignore".equals(r.getAction()) && Manifests.nullSafe(r.getOnPodConditions())
                .stream().anyMatch(c -> "DisruptionTarget".equals(c.getType()))), "evictions must not count as failures");
        assertEquals(List.of(2), exitCodes(rules, "FailJob"), "picocli's usage error fails every shard alike");
        assertEquals(List.of(3), exitCodes(rules, "FailIndex"), "translate's 'some images failed' (retrying cannot help)");
        assertEquals("Failed", spec.getPodReplacementPolicy(), "never two pods on one shard");
        assertTrue(pod.getTerminationGracePeriodSeconds() >= 30, "time to finish the image in flight on SIGTERM");
    }

    private List<Integer> exitCodes(List<PodFailurePolicyRule> rules, String action) {
        return rules.stream().filter(r -> action.equals(r.getAction()) && r.getOnExitCodes() != null).flatMap(r -> {
            assertEquals(translate.getName(), r.getOnExitCodes().getContainerName(), "a rule names a missing container");
            assertEquals("In", r.getOnExitCodes().getOperator());
            return r.getOnExitCodes().getValues().stream();
        }).toList();
    }

    @Test
    void workersTimesThreadsFitTheCpuLimitAndLibtorchIsToldTheSame() {
        var limits = translate.getResources().getLimits();
        int workers = Integer.parseInt(arg("--workers"));
        int threads = Integer.parseInt(arg("--threads-per-worker"));
        assertTrue(BigDecimal.valueOf((long) workers * threads).compareTo(Manifests.amount(limits, "cpu")) <= 0,
                "--workers x --threads-per-worker exceeds the CPU limit");
        Map<String, String> env = Manifests.translate().environment(translate);
        assertTrue(env.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("-Dai.djl.pytorch.num_threads=" + threads + " "),
                "JAVA_TOOL_OPTIONS and --threads-per-worker disagree");
        assertEquals(String.valueOf(threads), env.get("OMP_NUM_THREADS"));
        assertTrue(Manifests.amount(limits, "memory").compareTo(BigDecimal.valueOf(1L << 30)) >= 0, "memory limit below 1 GiB");
    }

    @Test
    void securityContextIsLockedDown() {
        SecurityRules.assertLockedDown(pod, "translate Job");
        SecurityRules.assertWritablePaths(pod, "translate Job");
        assertEquals(SecurityRules.UID, pod.getSecurityContext().getFsGroup(), "fsGroup makes the claim writable");
    }

    @Test
    void isNotAServingPod() {
        assertTrue(Manifests.nullSafe(translate.getPorts()).isEmpty());
        Map<String, String> labels = spec.getTemplate().getMetadata().getLabels();
        assertEquals("batch-translation", labels.get("app.kubernetes.io/component"));
        for (Manifests.Variant v : List.of(Manifests.cpu(), Manifests.gpu())) {
            Map<String, String> selector = v.service().getSpec().getSelector();
            assertFalse(selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey()))),
                    v.name() + ": the Service would send requests to translate pods");
        }
    }
}
