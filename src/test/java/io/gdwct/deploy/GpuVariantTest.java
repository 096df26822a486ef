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
        assertOneGpuInLimitsOnly(container(Manifests.gpu()), "k8s/gpu");
    }

    @Test
    void landsOnGpuNodes() {
        assertGpuScheduling(pod(Manifests.gpu()), "k8s/gpu");
    }

    @Test
    void usesTheCudaImageAndForcesTheGpu() {
        Container c = container(Manifests.gpu());
        assertEquals(container(Manifests.cpu()).getImage() + "-cuda", c.getImage());
        assertEquals("gpu", Manifests.gpu().environment(c).get("GDWCT_DEVICE"),
                "fail start-up on a node without a usable GPU instead of serving from the CPU");
    }

    @Test
    void getsMoreMemoryAndStartupTimeThanTheCpuVariant() {
        var gpuLimits = container(Manifests.gpu()).getResources().getLimits();
        var cpuLimits = container(Manifests.cpu()).getResources().getLimits();
        assertTrue(Manifests.amount(gpuLimits, "memory").compareTo(Manifests.amount(cpuLimits, "memory")) > 0,
                "the CUDA libraries need more host memory");
        var gpuStart = container(Manifests.gpu()).getStartupProbe();
        var cpuStart = container(Manifests.cpu()).getStartupProbe();
        assertTrue(gpuStart.getPeriodSeconds() * gpuStart.getFailureThreshold()
                >= cpuStart.getPeriodSeconds() * cpuStart.getFailureThreshold());
    }

    @Test
    void cpuVariantHasNoGpuAnything() {
        Container c = container(Manifests.cpu());
        assertFalse(c.getResources().getLimits().containsKey(GPU));
        assertFalse(c.getResources().getRequests().containsKey(GPU));
        assertTrue(Manifests.nullSafe(pod(Manifests.cpu()).getTolerations()).isEmpty());
        assertEquals("cpu", Manifests.cpu().environment(c).get("GDWCT_DEVICE"));
        assertFalse(c.getImage().endsWith("-cuda"));
    }

    @Test
    void overlayKeepsNamesSelectorsAndProbePaths() {
        // the overlay replaces the CPU deployment in place: same objects, same Service
        assertEquals(Manifests.cpu().deployment().getMetadata().getName(), Manifests.gpu().deployment().getMetadata().getName());
        assertEquals(Manifests.cpu().deployment().getSpec().getSelector(), Manifests.gpu().deployment().getSpec().getSelector());
        assertEquals(Manifests.cpu().service(), Manifests.gpu().service());
        assertEquals(container(Manifests.cpu()).getReadinessProbe(), container(Manifests.gpu()).getReadinessProbe());
        assertEquals(container(Manifests.cpu()).getLivenessProbe(), container(Manifests.gpu()).getLivenessProbe());
        assertEquals(container(Manifests.cpu()).getStartupProbe().getHttpGet(), container(Manifests.gpu()).getStartupProbe().getHttpGet());
    }
}
