package io.infrasystem.deploy;

import static io.infrasystem.deploy.ServiceConfiguration.ROOT;
import static io.infrasystem.deploy.ServiceConfiguration.RUNTIME_VARIABLES;
import static io.infrasystem.deploy.ServiceConfiguration.SERVICES;
import static io.infrasystem.deploy.ServiceConfiguration.declaredVariables;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests cannot be applied here; this test keeps them consistent: every file
 * kustomize lists exists, every service has a Deployment with both probes, and every variable a
 * Deployment receives (its own or the shared ConfigMap's) is a property the service declares;
 * and the security defaults of docs/security.md, point 9, hold: Kafka needs SCRAM and ACLs, each
 * service logs in as its own KafkaUser whose ACLs are exactly those of deploy/kafka/acls.conf, and
 * Keycloak keeps its data in PostgreSQL.
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
            variables.stream()
                    .filter(v -> !declared.contains(v) && !RUNTIME_VARIABLES.contains(v))
                    .forEach(v -> unknown.add(service + ": " + v));
        }
        assertThat(unknown).as("variables that no configuration property reads").isEmpty();
    }

    @Test
    void kafkaNeedsScramAndAclsAndEachServiceLogsInAsItsOwnUserWithTheShippedAcls() throws IOException {
        Map<String, Object> cluster = load(K8S.resolve("kafka.yaml")).stream()
                .filter(d -> "Kafka".equals(d.get("kind")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> kafka = at(cluster, "spec", "kafka");
        List<Map<String, Object>> listeners = (List<Map<String, Object>>) kafka.get("listeners");
        assertThat(listeners)
                .as("every listener authenticates with SCRAM-SHA-512")
                .allSatisfy(l -> assertThat(at(l, "authentication").get("type")).isEqualTo("scram-sha-512"));
        assertThat(at(kafka, "authorization").get("type")).isEqualTo("simple");
        assertThat(at(kafka, "config").get("auto.create.topics.enable")).isEqualTo(false);

        Map<String, Object> common =
                (Map<String, Object>) load(K8S.resolve("config.yaml")).get(0).get("data");
        assertThat(common)
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");

        List<Map<String, Object>> resources = load(K8S.resolve("kafka-users.yaml"));
        KafkaAcls shipped = KafkaAcls.shipped();
        Set<String> fromUsers = new TreeSet<>();
        Set<String> users = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        for (Map<String, Object> resource : resources) {
            String name = (String) at(resource, "metadata").get("name");
            if ("KafkaTopic".equals(resource.get("kind"))) {
                topics.add(name);
                continue;
            }
            assertThat(resource.get("kind")).isEqualTo("KafkaUser");
            users.add(name);
            assertThat(at(resource, "spec", "authentication").get("type")).isEqualTo("scram-sha-512");
            Map<String, Object> authorization = at(resource, "spec", "authorization");
            for (Map<String, Object> acl : (List<Map<String, Object>>) authorization.get("acls")) {
                Map<String, Object> target = (Map<String, Object>) acl.get("resource");
                for (String operation : (List<String>) acl.get("operations")) {
                    fromUsers.add(String.join(
                            " ",
                            name,
                            operation.toUpperCase(Locale.ROOT),
                            (String) target.get("type"),
                            // Strimzi names Kafka's PREFIXED pattern "prefix" (its CRD allows literal, prefix)
                            "prefix".equals(target.get("patternType"))
                                    ? "prefixed"
                                    : (String) target.get("patternType"),
                            (String) target.get("name")));
                }
            }
        }
        Set<String> fromFile = new TreeSet<>();
        shipped.entries()
                .forEach(e -> fromFile.add(
                        String.join(" ", e.user(), e.operation(), e.resourceType(), e.patternType(), e.name())));
        assertThat(fromUsers).as("KafkaUser ACLs = deploy/kafka/acls.conf").isEqualTo(fromFile);
        assertThat(users).isEqualTo(shipped.users()).isEqualTo(new TreeSet<>(SERVICES));
        assertThat(topics).isEqualTo(shipped.topics());

        for (String service : SERVICES) {
            Map<String, Object> container = at(
                    load(K8S.resolve("services/" + service + ".yaml")).get(0),
                    "spec",
                    "template",
                    "spec",
                    "containers");
            Map<String, Object> jaas = ((List<Map<String, Object>>) container.get("env"))
                    .stream()
                            .filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(e.get("name")))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(service + " has no KAFKA_SASL_JAAS_CONFIG"));
            assertThat(at(jaas, "valueFrom", "secretKeyRef"))
                    .as(service + " logs in as its own KafkaUser")
                    .containsEntry("name", service)
                    .containsEntry("key", "sasl.jaas.config");
        }
    }

    @Test
    void keycloakKeepsItsDataInPostgresqlWithCredentialsFromASecret() throws IOException {
        Map<String, Object> container =
                at(load(K8S.resolve("keycloak.yaml")).get(0), "spec", "template", "spec", "containers");
        Map<String, Map<String, Object>> env = new java.util.HashMap<>();
        ((List<Map<String, Object>>) container.get("env")).forEach(e -> env.put((String) e.get("name"), e));
        assertThat(env.get("KC_DB")).containsEntry("value", "postgres");
        for (String secret : List.of("KC_DB_URL", "KC_DB_USERNAME", "KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            assertThat(at(env.get(secret), "valueFrom", "secretKeyRef"))
                    .as(secret)
                    .containsEntry("name", "infra-keycloak");
        }
        assertThat((List<String>) container.get("args")).contains("start").doesNotContain("start-dev");
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
            new Yaml().loadAll(reader).forEach(d -> {
                if (d != null) {
                    documents.add((Map<String, Object>) d);
                }
            });
        }
        return documents;
    }
}
