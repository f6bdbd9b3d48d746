package io.infrasystem.deploy;

import static io.infrasystem.deploy.ServiceConfiguration.ROOT;
import static io.infrasystem.deploy.ServiceConfiguration.SERVICES;
import static io.infrasystem.deploy.ServiceConfiguration.declaredVariables;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests cannot be applied here; this test keeps them consistent: every file
 * kustomize lists exists, every service has a Deployment with both probes, and every variable a
 * Deployment receives (its own or the shared ConfigMap's) is a property the service declares.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    private static final Path K8S = ROOT.resolve("deploy/k8s");

    @Test
    void everyListedResourceExistsAndEveryServiceIsListed() throws IOException {
        List<String> resources =
                (List<String>) load(K8S.resolve("kustomization.yaml")).get(0).get("resources");
        resources.forEach(r -> assertThat(K8S.resolve(r)).as(r).exists());
        SERVICES.forEach(s -> assertThat(resources).contains("services/" + s + ".yaml"));
    }

    @Test
    void everyServiceDeploymentProbesHealthAndReadsOnlyDeclaredVariables() throws IOException {
        Map<String, Object> common =
                (Map<String, Object>) load(K8S.resolve("config.yaml")).get(0).get("data");
        List<String> unknown = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, Object> deployment =
                    load(K8S.resolve("services/" + service + ".yaml")).get(0);
            Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers");
            assertThat(at(container, "readinessProbe", "httpGet").get("path")).isEqualTo("/q/health/ready");
            assertThat(at(container, "livenessProbe", "httpGet").get("path")).isEqualTo("/q/health/live");
            Set<String> declared = declaredVariables(service);
            List<String> variables = new ArrayList<>(common.keySet());
            ((List<Map<String, Object>>) container.get("env")).forEach(e -> variables.add((String) e.get("name")));
            variables.stream().filter(v -> !declared.contains(v)).forEach(v -> unknown.add(service + ": " + v));
        }
        assertThat(unknown).as("variables that no configuration property reads").isEmpty();
    }

    private static Map<String, Object> at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
            if (current instanceof List<?> list) {
                current = list.get(0);
            }
        }
        return (Map<String, Object>) current;
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            new Yaml().loadAll(reader).forEach(d -> documents.add((Map<String, Object>) d));
        }
        return documents;
    }
}
