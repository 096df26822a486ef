package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pod hardening every workload under k8s/ must have. */
final class SecurityRules {

    /** The image's non-root user (Dockerfile: useradd --uid 10001). */
    static final long UID = 10001;

    private SecurityRules() {
    }

    static List<Container> allContainers(PodSpec pod) {
        List<Container> all = new ArrayList<>(Manifests.nullSafe(pod.getInitContainers()));
        all.addAll(pod.getContainers());
        return all;
    }

    static void assertLockedDown(PodSpec pod, String where) {
        PodSecurityContext podContext = pod.getSecurityContext();
        assertNotNull(podContext, where + ": no pod securityContext");
        assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC()), where + ": host namespaces");
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), where + ": no API token needed");
        for (Container c : allContainers(pod)) {
            String at = where + " container " + c.getName();
            SecurityContext sc = c.getSecurityContext();
            assertNotNull(sc, at + ": no securityContext");

            Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : podContext.getRunAsNonRoot();
            assertEquals(Boolean.TRUE, nonRoot, at + ": runAsNonRoot");
            Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : podContext.getRunAsUser();
            assertEquals(UID, uid, at + ": runAsUser (the image's user)");
            assertNotEquals(0L, sc.getRunAsGroup() != null ? sc.getRunAsGroup() : podContext.getRunAsGroup(),
                    at + ": runAsGroup 0");

            SeccompProfile seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : podContext.getSeccompProfile();
            assertNotNull(seccomp, at + ": no seccompProfile");
            assertEquals("RuntimeDefault", seccomp.getType(), at + ": seccompProfile");

            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), at + ": allowPrivilegeEscalation");
            assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), at + ": readOnlyRootFilesystem");
            assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), at + ": privileged");
            assertNotNull(sc.getCapabilities(), at + ": capabilities");
            assertTrue(sc.getCapabilities().getDrop().contains("ALL"), at + ": capabilities.drop ALL");
            assertTrue(Manifests.nullSafe(sc.getCapabilities().getAdd()).isEmpty(), at + ": capabilities.add");
        }
    }

    /**
     * With a read-only root file system, every path the process writes must be a volume: /tmp
     * (JVM, Quarkus uploads, OpenCV's extracted library, JNA) always. The DJL native cache is baked
     * read-only into the image; a volume over it would hide it (and make every start extract 425 MB
     * or 4 GB again), so no mount may cover it, nor the application; a volume over the baked models
     * is allowed when read-only.
     */
    static void assertWritablePaths(PodSpec pod, String where) {
        Map<String, String> imageEnv = Dockerfile.main().runtimeEnv("cpu");
        String djlCache = imageEnv.get("DJL_CACHE_DIR");
        assertNotNull(djlCache, "Dockerfile sets no DJL_CACHE_DIR");
        for (Container c : allContainers(pod)) {
            String at = where + " container " + c.getName();
            List<VolumeMount> mounts = Manifests.nullSafe(c.getVolumeMounts());
            VolumeMount tmp = mounts.stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(at + ": /tmp is not a volume, but the root FS is read-only"));
            assertFalse(Boolean.TRUE.equals(tmp.getReadOnly()), at + ": /tmp mounted read-only");
            assertNotNull(volume(pod, tmp.getName()).getEmptyDir(), at + ": /tmp should be an emptyDir");

            for (VolumeMount m : mounts) {
                Volume v = volume(pod, m.getName());
                assertTrue(v.getEmptyDir() != null || v.getPersistentVolumeClaim() != null
                        || v.getConfigMap() != null || v.getSecret() != null || v.getProjected() != null,
                        at + ": volume " + v.getName() + " has an unexpected type (hostPath?)");
                if (!Boolean.TRUE.equals(m.getReadOnly())) {
                    assertTrue(v.getEmptyDir() != null || v.getPersistentVolumeClaim() != null,
                            at + ": writable mount " + m.getMountPath() + " is not an emptyDir or a PVC");
                }
                for (String baked : List.of(djlCache, "/app/quarkus-app")) {
                    assertFalse(covers(m.getMountPath(), baked),
                            at + ": mount " + m.getMountPath() + " hides " + baked + " baked into the image");
                }
                // models may come from a volume instead of the image (docs/deploy.md), but read-only
                if (covers(m.getMountPath(), "/app/models")) {
                    assertTrue(Boolean.TRUE.equals(m.getReadOnly()), at + ": models volume must be mounted readOnly");
                }
            }
            assertFalse(Manifests.nullSafe(c.getEnv()).stream().anyMatch(e -> e.getName().equals("DJL_CACHE_DIR")),
                    at + ": DJL_CACHE_DIR is the image's read-only, pre-extracted cache; do not point it elsewhere");
        }
    }

    private static boolean covers(String mountPath, String path) {
        String m = mountPath.endsWith("/") ? mountPath : mountPath + "/";
        return (path + "/").startsWith(m);
    }

    static Volume volume(PodSpec pod, String name) {
        return Manifests.nullSafe(pod.getVolumes()).stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("volumeMount refers to missing volume " + name));
    }
}
