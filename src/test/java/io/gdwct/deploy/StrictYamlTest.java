package io.gdwct.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import org.junit.jupiter.api.Test;

/**
 * Proves that the validator used on k8s/ catches what the API server would reject, by feeding it
 * broken copies of the real Deployment. If one of these stops failing, the other tests could pass
 * on manifests that do not apply.
 */
class StrictYamlTest {

    private static final JsonNode DEPLOYMENT = StrictYaml.single(Repo.path("k8s/base/deployment.yaml"));

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    private static String rejected(ObjectNode broken) {
        // through the YAML text, as a file on disk would be read
        String yaml = StrictYaml.yaml(broken);
        StrictYaml.ManifestException e = assertThrows(StrictYaml.ManifestException.class,
                () -> StrictYaml.object(StrictYaml.documents(yaml, "broken.yaml").get(0), "broken.yaml"));
        return e.getMessage();
    }

    @Test
    void realDeploymentPasses() {
        Deployment d = (Deployment) StrictYaml.object(DEPLOYMENT, "deployment.yaml");
        assertEquals("gdwct-server", d.getMetadata().getName());
        assertTrue(StrictYaml.unknownFields(d).isEmpty());
    }

    @Test
    void misspelledFieldIsCaughtWithItsPath() {
        ObjectNode broken = StrictYaml.copy(DEPLOYMENT);
        ObjectNode c = container(broken);
        c.set("readinesProbe", c.remove("readinessProbe"));

        // Jackson alone accepts it: fabric8 puts the field into additionalProperties
        Deployment lenient = StrictYaml.MAPPER.convertValue(broken, Deployment.class);
        assertEquals(1, lenient.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getAdditionalProperties().size());

        String message = rejected(broken);
        assertTrue(message.contains("spec.template.spec.containers[0].readinesProbe"), message);
    }

    @Test
    void misspelledFieldDeepInsideAndAtTopLevelIsCaught() {
        ObjectNode broken = StrictYaml.copy(DEPLOYMENT);
        ((ObjectNode) container(broken).at("/livenessProbe/httpGet")).put("pathh", "/q/health/live");
        broken.set("metdata", broken.get("metadata"));
        String message = rejected(broken);
        assertTrue(message.contains("spec.template.spec.containers[0].livenessProbe.httpGet.pathh"), message);
        assertTrue(message.contains("metdata"), message);
    }

    @Test
    void stringWhereANumberBelongsIsCaught() {
        ObjectNode broken = StrictYaml.copy(DEPLOYMENT);
        ((ObjectNode) broken.get("spec")).put("replicas", "two");
        String message = rejected(broken);
        assertTrue(message.contains("spec.replicas"), message);
    }

    @Test
    void numericStringIsCaughtToo() {
        // the API server rejects "2" for an int32, so must we
        ObjectNode broken = StrictYaml.copy(DEPLOYMENT);
        ((ObjectNode) broken.get("spec")).put("replicas", "2");
        assertTrue(rejected(broken).contains("spec.replicas"));
    }

    @Test
    void wrongContainerPortTypeIsCaught() {
        ObjectNode broken = StrictYaml.copy(DEPLOYMENT);
        ((ObjectNode) container(broken).at("/ports/0")).put("containerPort", "eighty");
        String message = rejected(broken);
        assertTrue(message.contains("spec.template.spec.containers[0].ports[0].containerPort"), message);
    }

    @Test
    void fractionWhereAnIntegerBelongsIsCaught() {
        ObjectNode broken = StrictYaml.copy(DEPLOYMENT);
        ((ObjectNode) broken.at("/spec/template/spec")).put("terminationGracePeriodSeconds", 45.5);
        assertTrue(rejected(broken).contains("terminationGracePeriodSeconds"));
    }

    @Test
    void stringWhereABooleanBelongsIsCaught() {
        ObjectNode broken = StrictYaml.copy(DEPLOYMENT);
        ((ObjectNode) container(broken).get("securityContext")).put("readOnlyRootFilesystem", "true");
        assertTrue(rejected(broken).contains("readOnlyRootFilesystem"));
    }

    @Test
    void listWhereAnObjectBelongsIsCaught() {
        ObjectNode broken = StrictYaml.copy(DEPLOYMENT);
        ArrayNode list = broken.arrayNode();
        list.add(container(broken).get("readinessProbe").deepCopy());
        container(broken).set("readinessProbe", list);
        assertTrue(rejected(broken).contains("readinessProbe"));
    }

    @Test
    void numberInConfigMapDataIsCaught() {
        // an unquoted `GDWCT_INFERENCE_WORKERS: 1` is rejected by the API server (data is map[string]string)
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  GDWCT_INFERENCE_WORKERS: 1\n";
        StrictYaml.ManifestException e = assertThrows(StrictYaml.ManifestException.class,
                () -> StrictYaml.bind(yaml, ConfigMap.class, "cm.yaml"));
        assertTrue(e.getMessage().contains("data"), e.getMessage());
    }

    @Test
    void duplicateKeyIsCaught() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  A: \"1\"\n  A: \"2\"\n";
        StrictYaml.ManifestException e = assertThrows(StrictYaml.ManifestException.class,
                () -> StrictYaml.documents(yaml, "dup.yaml"));
        assertTrue(e.getMessage().contains("A"), e.getMessage());
    }

    @Test
    void unknownKindIsRefused() {
        String yaml = "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: x}\n";
        StrictYaml.ManifestException e = assertThrows(StrictYaml.ManifestException.class,
                () -> StrictYaml.object(StrictYaml.documents(yaml, "old.yaml").get(0), "old.yaml"));
        assertTrue(e.getMessage().contains("apps/v1beta1/Deployment"), e.getMessage());
    }

    @Test
    void quantitiesAndIntOrStringsAcceptBothForms() {
        // forms the API server accepts must not be refused: cpu: 2 and cpu: "2", port: 8080 and port: http
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
                  template:
                    spec:
                      containers:
                        - name: c
                          resources: {limits: {cpu: 2, memory: 2Gi}, requests: {cpu: "500m"}}
                          readinessProbe: {httpGet: {path: /, port: 8080}}
                          livenessProbe: {httpGet: {path: /, port: http}}
                """;
        Deployment d = StrictYaml.bind(yaml, Deployment.class, "forms.yaml");
        assertEquals("2", d.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getResources().getLimits().get("cpu").toString());
    }
}
