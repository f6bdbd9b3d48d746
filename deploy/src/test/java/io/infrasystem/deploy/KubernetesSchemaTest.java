package io.infrasystem.deploy;

import static io.infrasystem.deploy.ServiceConfiguration.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders deploy/k8s with {@code kubectl kustomize} and validates every object against the schema of
 * its kind shipped in this module ({@link ManifestSchemas}): Kubernetes' own kinds and Strimzi's
 * custom resources. The other tests show that a wrong type, an unknown field and a missing required
 * field each fail, in both kinds of schema, so the first test cannot pass by validating nothing.
 */
class KubernetesSchemaTest {

    private static final Path K8S = ROOT.resolve("deploy/k8s");

    private static ManifestSchemas schemas;
    private static List<JsonNode> rendered;

    @BeforeAll
    static void render() throws Exception {
        schemas = new ManifestSchemas();
        rendered = Kustomize.render(K8S);
    }

    @Test
    void everyRenderedObjectHasASchemaAndMatchesIt() {
        Set<String> kinds = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (JsonNode object : rendered) {
            kinds.add(object.path("kind").asText());
            violations.addAll(schemas.violations(object));
        }
        assertThat(violations)
                .as("schema violations of kubectl kustomize deploy/k8s")
                .isEmpty();
        assertThat(kinds)
                .contains(
                        "Namespace",
                        "ConfigMap",
                        "Deployment",
                        "Service",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "PersistentVolumeClaim",
                        "Ingress",
                        "Kafka",
                        "KafkaNodePool",
                        "KafkaUser",
                        "KafkaTopic");
    }

    @Test
    void theExampleSecretsMatchTheSecretSchema() throws Exception {
        List<JsonNode> secrets = Kustomize.objects(Files.readAllBytes(K8S.resolve("secrets.example.yaml")));
        assertThat(secrets).isNotEmpty();
        secrets.forEach(secret -> assertThat(schemas.violations(secret)).isEmpty());
    }

    @Test
    void aFieldOfTheWrongTypeFails() {
        ObjectNode deployment = copy("Deployment", "vm-service");
        ((ObjectNode) container(deployment).path("ports").get(0)).put("containerPort", "eight thousand");
        assertThat(schemas.violations(deployment))
                .singleElement()
                .asString()
                .contains("Deployment/vm-service", "containerPort", "string", "integer");

        ObjectNode autoscaler = copy("HorizontalPodAutoscaler", "api-gateway");
        ((ObjectNode) autoscaler.path("spec")).put("minReplicas", true);
        assertThat(schemas.violations(autoscaler)).singleElement().asString().contains("minReplicas", "boolean");
    }

    @Test
    void anUnknownFieldFails() {
        ObjectNode deployment = copy("Deployment", "api-gateway");
        // a typo: Kubernetes would refuse it under kubectl's strict field validation
        container(deployment).set("livenesProbe", container(deployment).path("livenessProbe"));
        assertThat(schemas.violations(deployment)).singleElement().asString().contains("livenesProbe");

        ObjectNode budget = copy("PodDisruptionBudget", "vm-service");
        ((ObjectNode) budget.path("spec")).put("minAvaliable", 1);
        assertThat(schemas.violations(budget)).singleElement().asString().contains("minAvaliable");
    }

    @Test
    void aMissingRequiredFieldFails() {
        ObjectNode deployment = copy("Deployment", "cert-service");
        ((ObjectNode) deployment.path("spec")).remove("selector");
        assertThat(schemas.violations(deployment)).singleElement().asString().contains("selector");

        ObjectNode withoutName = copy("Deployment", "cert-service");
        container(withoutName).remove("name");
        assertThat(schemas.violations(withoutName)).singleElement().asString().contains("name");
    }

    @Test
    void strimziResourcesAreCheckedAgainstStrimzisSchemas() {
        ObjectNode user = copy("KafkaUser", "mail-gateway");
        ObjectNode acl = (ObjectNode)
                user.path("spec").path("authorization").path("acls").get(0);
        acl.put("operations", "Write");
        assertThat(schemas.violations(user))
                .as("operations is a list")
                .singleElement()
                .asString()
                .contains("KafkaUser/mail-gateway", "operations");

        ObjectNode kafka = copy("Kafka", "infra-kafka");
        ObjectNode listener =
                (ObjectNode) kafka.path("spec").path("kafka").path("listeners").get(0);
        listener.remove("tls");
        assertThat(schemas.violations(kafka)).singleElement().asString().contains("tls");

        ObjectNode misspelt = copy("Kafka", "infra-kafka");
        ((ObjectNode) misspelt.path("spec").path("kafka")).set("listners", misspelt.arrayNode());
        assertThat(schemas.violations(misspelt)).singleElement().asString().contains("listners");

        // the broker config is free-form in Strimzi's schema (x-kubernetes-preserve-unknown-fields)
        ObjectNode config = copy("Kafka", "infra-kafka");
        ((ObjectNode) config.path("spec").path("kafka").path("config")).put("log.retention.hours", 168);
        assertThat(schemas.violations(config)).isEmpty();

        ObjectNode pool = copy("KafkaNodePool", "dual-role");
        ((ObjectNode) pool.path("spec")).put("replicas", "three");
        assertThat(schemas.violations(pool)).singleElement().asString().contains("replicas");
    }

    @Test
    void anObjectOfAKindWithoutSchemaFails() {
        ObjectNode unknown = copy("Service", "vm-service");
        unknown.put("apiVersion", "example.com/v1").put("kind", "Widget");
        assertThat(schemas.violations(unknown)).singleElement().asString().contains("no schema", "Widget");

        ObjectNode oldApi = copy("HorizontalPodAutoscaler", "vm-service");
        oldApi.put("apiVersion", "autoscaling/v2beta2");
        assertThat(schemas.violations(oldApi)).singleElement().asString().contains("no schema");
    }

    @Test
    void aViolatingKustomizationRendersButFailsValidation(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: infra-system
                resources: [budget.yaml]
                """);
        Files.writeString(directory.resolve("budget.yaml"), """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: { name: broken }
                spec:
                  minAvailable: 1
                  selector: { matchLabels: { app: broken } }
                  unhealthyPodEvictionPolicy: [AlwaysAllow]
                """);
        List<JsonNode> objects = Kustomize.render(directory);
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).path("metadata").path("namespace").asText()).isEqualTo("infra-system");
        assertThat(schemas.violations(objects.get(0)))
                .singleElement()
                .asString()
                .contains("unhealthyPodEvictionPolicy", "array");
    }

    /** A deep copy of the rendered object of that kind and name, free to break. */
    private static ObjectNode copy(String kind, String name) {
        return rendered.stream()
                .filter(o -> kind.equals(o.path("kind").asText())
                        && name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .map(o -> (ObjectNode) o.deepCopy())
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    private static ObjectNode container(JsonNode deployment) {
        return (ObjectNode) deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }
}
