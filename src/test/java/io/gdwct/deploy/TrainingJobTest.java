package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GPU training Job: resumable, survives evictions, writes only to its volumes. */
class TrainingJobTest {

    private Job job;
    private PodSpec pod;
    private Container train;

    @BeforeEach
    void render() {
        job = Manifests.training().job();
        pod = job.getSpec().getTemplate().getSpec();
        train = Manifests.onlyContainer(pod);
    }

    @Test
    void isABatchV1Job() {
        assertEquals("batch/v1", job.getApiVersion());
        assertEquals(1, job.getSpec().getParallelism(), "one trainer writes the run directory");
        assertEquals(1, job.getSpec().getCompletions());
    }

    @Test
    void runsTrainWithResume() {
        List<String> args = train.getArgs();
        assertEquals("train", args.get(0), "the image's CMD is replaced by the subcommand");
        assertTrue(args.contains("--resume"), "without --resume a restarted pod starts from scratch");
        for (String option : List.of("--data-a", "--data-b", "--out")) {
            assertTrue(args.contains(option), "missing " + option);
        }
    }

    @Test
    void mountsAClaimThatExistsAndHoldsDataAndCheckpoints() {
        List<String> claims = Manifests.nullSafe(pod.getVolumes()).stream()
                .filter(v -> v.getPersistentVolumeClaim() != null)
                .map(v -> v.getPersistentVolumeClaim().getClaimName()).toList();
        assertEquals(1, claims.size(), "one PVC for data and checkpoints");
        PersistentVolumeClaim pvc = Manifests.training().claim(claims.get(0)).orElseThrow(
                () -> new AssertionError("PVC " + claims.get(0) + " is not defined in k8s/training"));
        assertNotNull(pvc.getSpec().getResources().getRequests().get("storage"));
        assertTrue(pvc.getSpec().getAccessModes().contains("ReadWriteOnce")
                || pvc.getSpec().getAccessModes().contains("ReadWriteMany"));

        // every path argument lives on the claim, so it survives the pod
        List<String> args = train.getArgs();
        for (String option : List.of("--data-a", "--data-b", "--out")) {
            String path = args.get(args.indexOf(option) + 1);
            VolumeMount mount = Manifests.nullSafe(train.getVolumeMounts()).stream()
                    .filter(m -> (path + "/").startsWith(m.getMountPath().replaceAll("/?$", "/")))
                    .findFirst().orElseThrow(() -> new AssertionError(option + " " + path + " is on no volume"));
            Volume volume = SecurityRules.volume(pod, mount.getName());
            assertNotNull(volume.getPersistentVolumeClaim(), option + " " + path + " is not on the PVC");
            if (option.equals("--out")) {
                assertFalse(Boolean.TRUE.equals(mount.getReadOnly()), "checkpoints need a writable mount");
            }
        }
    }

    @Test
    void survivesEvictionsAndNeverRunsTwoTrainersAtOnce() {
        var spec = job.getSpec();
        assertTrue(Set.of("Never", "OnFailure").contains(pod.getRestartPolicy()));
        assertTrue(spec.getBackoffLimit() >= 4, "backoffLimit too low to survive restarts");
        if (spec.getPodFailurePolicy() != null) {
            assertEquals("Never", pod.getRestartPolicy(), "podFailurePolicy requires restartPolicy: Never");
            List<PodFailurePolicyRule> rules = spec.getPodFailurePolicy().getRules();
            assertTrue(rules.stream().anyMatch(r -> "Ignore".equals(r.getAction())
                    && Manifests.nullSafe(r.getOnPodConditions()).stream()
                            .anyMatch(c -> "DisruptionTarget".equals(c.getType()))),
                    "evictions/preemptions (DisruptionTarget) must not count against backoffLimit");
            for (PodFailurePolicyRule r : rules) {
                if (r.getOnExitCodes() != null && r.getOnExitCodes().getContainerName() != null) {
                    assertEquals(train.getName(), r.getOnExitCodes().getContainerName(),
                            "onExitCodes names a container that does not exist");
                }
            }
            assertEquals("Failed", spec.getPodReplacementPolicy(),
                    "a replacement must wait until the old pod has written its checkpoint and gone");
        }
        assertTrue(pod.getTerminationGracePeriodSeconds() >= 60, "time to write a checkpoint on SIGTERM");
    }

    @Test
    void runsOnOneGpu() {
        GpuVariantTest.assertOneGpuInLimitsOnly(train, "training Job");
        GpuVariantTest.assertGpuScheduling(pod, "training Job");
        assertTrue(train.getImage().endsWith("-cuda"), "training uses the CUDA image");
        assertEquals("gpu", Manifests.training().environment(train).get("GDWCT_DEVICE"));
    }

    @Test
    void securityContextIsLockedDown() {
        SecurityRules.assertLockedDown(pod, "training Job");
        SecurityRules.assertWritablePaths(pod, "training Job");
        assertEquals(SecurityRules.UID, pod.getSecurityContext().getFsGroup(),
                "fsGroup makes the claim writable for the non-root user");
    }

    @Test
    void isNotAServingPod() {
        assertTrue(train.getPorts() == null || train.getPorts().isEmpty());
        assertEquals("training", job.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component"));
    }
}
