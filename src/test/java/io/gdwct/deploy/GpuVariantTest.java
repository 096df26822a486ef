package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the k8s/gpu overlay must change, and only that, compared to k8s/base. */
class GpuVariantTest {

    static final String GPU = "nvidia.com/gpu";

    private static PodSpec pod(Manifests.Variant v) {
        return v.deployment().getSpec().getTemplate().getSpec();
    }

    private static Container container(Manifests.Variant v) {
        return Manifests.onlyContainer(pod(v));
    }

    /** Exactly one GPU, in limits only (requests default to limits; GPUs cannot be overcommitted). */
    static void assertOneGpuInLimitsOnly(Container c, String where) {
        var limits = c.getResources().getLimits();
        assertTrue(limits.containsKey(GPU), where + ": no " + GPU + " limit");
        assertEquals(BigDecimal.ONE, Manifests.amount(limits, GPU).stripTrailingZeros(), where + ": GPUs in limits");
        var requests = c.getResources().getRequests();
        assertFalse(requests != null && requests.containsKey(GPU), where + ": " + GPU + " belongs in limits only");
    }

    /** Tolerates the usual GPU-pool taint and selects GPU nodes. */
    static void assertGpuScheduling(PodSpec pod, String where) {
        boolean tolerated = Manifests.nullSafe(pod.getTolerations()).stream().anyMatch((Toleration t) ->
                GPU.equals(t.getKey()) && "Exists".equals(t.getOperator()) && "NoSchedule".equals(t.getEffect()));
        assertTrue(tolerated, where + ": no toleration for the " + GPU + " NoSchedule taint");
        Map<String, String> selector = pod.getNodeSelector();
        assertTrue(selector != null && "true".equals(selector.get("nvidia.com/gpu.present")),
                where + ": nodeSelector nvidia.com/gpu.present=true missing");
    }

    @Test
    void requestsExactlyOneGpuInLimitsOnly() {
        assertOneGpuInLimitsOnly(container(Manifests.GPU), "k8s/gpu");
    }

    @Test
    void landsOnGpuNodes() {
        assertGpuScheduling(pod(Manifests.GPU), "k8s/gpu");
    }

    @Test
    void usesTheCudaImageAndForcesTheGpu() {
        Container c = container(Manifests.GPU);
        assertEquals(container(Manifests.CPU).getImage() + "-cuda", c.getImage());
        assertEquals("gpu", Manifests.GPU.environment(c).get("GDWCT_DEVICE"),
                "fail start-up on a node without a usable GPU instead of serving from the CPU");
    }

    @Test
    void getsMoreMemoryAndStartupTimeThanTheCpuVariant() {
        var gpuLimits = container(Manifests.GPU).getResources().getLimits();
        var cpuLimits = container(Manifests.CPU).getResources().getLimits();
        assertTrue(Manifests.amount(gpuLimits, "memory").compareTo(Manifests.amount(cpuLimits, "memory")) > 0,
                "the CUDA libraries need more host memory");
        var gpuStart = container(Manifests.GPU).getStartupProbe();
        var cpuStart = container(Manifests.CPU).getStartupProbe();
        assertTrue(gpuStart.getPeriodSeconds() * gpuStart.getFailureThreshold()
                >= cpuStart.getPeriodSeconds() * cpuStart.getFailureThreshold());
    }

    @Test
    void cpuVariantHasNoGpuAnything() {
        Container c = container(Manifests.CPU);
        assertFalse(c.getResources().getLimits().containsKey(GPU));
        assertFalse(c.getResources().getRequests().containsKey(GPU));
        assertTrue(Manifests.nullSafe(pod(Manifests.CPU).getTolerations()).isEmpty());
        assertEquals("cpu", Manifests.CPU.environment(c).get("GDWCT_DEVICE"));
        assertFalse(c.getImage().endsWith("-cuda"));
    }

    @Test
    void overlayKeepsNamesSelectorsAndProbePaths() {
        // the overlay replaces the CPU deployment in place: same objects, same Service
        assertEquals(Manifests.CPU.deployment().getMetadata().getName(), Manifests.GPU.deployment().getMetadata().getName());
        assertEquals(Manifests.CPU.deployment().getSpec().getSelector(), Manifests.GPU.deployment().getSpec().getSelector());
        assertEquals(Manifests.CPU.service(), Manifests.GPU.service());
        assertEquals(container(Manifests.CPU).getReadinessProbe(), container(Manifests.GPU).getReadinessProbe());
        assertEquals(container(Manifests.CPU).getLivenessProbe(), container(Manifests.GPU).getLivenessProbe());
        assertEquals(container(Manifests.CPU).getStartupProbe().getHttpGet(), container(Manifests.GPU).getStartupProbe().getHttpGet());
    }
}
