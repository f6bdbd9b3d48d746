package io.infrasystem.deploy;

import static io.infrasystem.deploy.ServiceConfiguration.ROOT;
import static io.infrasystem.deploy.ServiceConfiguration.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the rendered Kubernetes workloads (docs/architecture.md, "Kubernetes"): which
 * services scale (an HPA, at least two replicas) and which run once (one replica, Recreate, no HPA);
 * a PodDisruptionBudget per Deployment; the probes per rule 1 (readiness on what a service needs to
 * answer, liveness on the process only, startup while migrations run); restricted security
 * contexts; requests and limits. Rule 1 on the services' side: no service with a database puts
 * Kafka into its readiness.
 */
class KubernetesWorkloadsTest {

    /** Safe with several instances: what they run in the background acts once or is idempotent. */
    static final Set<String> SCALED =
            Set.of("api-gateway", "vm-service", "project-service", "mail-gateway", "realtime-service");

    /** Run once: their schedules or files are not shared between instances (see the manifests). */
    static final Set<String> SINGLE = Set.of("inventory-service", "cert-service", "keycloak");

    private static List<JsonNode> rendered;

    @BeforeAll
    static void render() throws Exception {
        rendered = Kustomize.render(ROOT.resolve("deploy/k8s"));
    }

    @Test
    void exactlyTheServicesThatAreSafeAcrossInstancesScale() {
        assertThat(SCALED).allMatch(SERVICES::contains);
        Map<String, JsonNode> autoscalers = byName("HorizontalPodAutoscaler");
        assertThat(autoscalers.keySet()).isEqualTo(new TreeSet<>(SCALED));
        autoscalers.forEach((name, hpa) -> {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            assertThat(target.path("kind").asText()).isEqualTo("Deployment");
            assertThat(target.path("name").asText()).isEqualTo(name);
            assertThat(hpa.path("spec").path("minReplicas").asInt()).as(name).isGreaterThanOrEqualTo(2);
            assertThat(hpa.path("spec").path("maxReplicas").asInt())
                    .isGreaterThan(hpa.path("spec").path("minReplicas").asInt());
            assertThat(byName("Deployment").get(name).path("spec").has("replicas"))
                    .as(name + ": replicas belong to the HPA (an apply would reset them)")
                    .isFalse();
        });
        for (String name : SINGLE) {
            JsonNode spec = byName("Deployment").get(name).path("spec");
            assertThat(spec.path("replicas").asInt()).as(name).isEqualTo(1);
            if (SERVICES.contains(name)) {
                assertThat(spec.path("strategy").path("type").asText())
                        .as(name + " never runs twice, not even during a rollout")
                        .isEqualTo("Recreate");
            }
        }
        assertThat(byName("Deployment").keySet()).isEqualTo(union(SCALED, SINGLE));
    }

    @Test
    void everyDeploymentHasOneDisruptionBudgetThatSelectsItsPods() {
        Map<String, JsonNode> budgets = byName("PodDisruptionBudget");
        byName("Deployment").forEach((name, deployment) -> {
            JsonNode labels =
                    deployment.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> selecting = budgets.values().stream()
                    .filter(b -> selects(b.path("spec").path("selector").path("matchLabels"), labels))
                    .toList();
            assertThat(selecting).as(name).hasSize(1);
            JsonNode spec = selecting.get(0).path("spec");
            if (SCALED.contains(name)) {
                assertThat(spec.path("minAvailable").asInt()).as(name).isGreaterThanOrEqualTo(1);
            } else {
                assertThat(spec.path("maxUnavailable").asInt())
                        .as(name + ": one replica must stay movable")
                        .isEqualTo(1);
            }
        });
    }

    @Test
    void probesFollowRuleOne() {
        byName("Deployment").forEach((name, deployment) -> {
            JsonNode container = container(deployment);
            String prefix = "keycloak".equals(name) ? "/health/" : "/q/health/";
            int port = "api-gateway".equals(name) || "keycloak".equals(name)
                    ? 9000
                    : container.path("ports").get(0).path("containerPort").asInt();
            assertProbe(name, container, "startupProbe", prefix + "started", port);
            assertProbe(name, container, "readinessProbe", prefix + "ready", port);
            assertProbe(name, container, "livenessProbe", prefix + "live", port);
            assertThat(container.path("livenessProbe").path("periodSeconds").asInt()
                            * container
                                    .path("livenessProbe")
                                    .path("failureThreshold")
                                    .asInt(3))
                    .as(name + ": liveness gives a stuck process at least a minute")
                    .isGreaterThanOrEqualTo(60);
        });
    }

    @Test
    void noServiceWithADatabasePutsKafkaIntoItsReadiness() throws IOException {
        Properties defaults =
                properties(ROOT.resolve("commons/data/src/main/resources/META-INF/microprofile-config.properties"));
        assertThat(defaults.getProperty("quarkus.kafka.health.enabled")).isEqualTo("false");
        for (String service : SERVICES) {
            Properties own = properties(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
            if (own.getProperty("quarkus.datasource.db-kind") == null) {
                continue; // realtime-service: no database, it answers from Kafka
            }
            // unset: commons-data's default above, or Quarkus' own (off)
            assertThat(own.getProperty("quarkus.kafka.health.enabled", "false"))
                    .as(service)
                    .isEqualTo("false");
            Set<String> channels = own.stringPropertyNames().stream()
                    .filter(p -> p.startsWith("mp.messaging.incoming.") && p.endsWith(".connector"))
                    .map(p -> p.substring("mp.messaging.incoming.".length(), p.length() - ".connector".length()))
                    .collect(Collectors.toSet());
            for (String channel : channels) {
                assertThat(own.getProperty("mp.messaging.incoming." + channel + ".health-readiness-enabled"))
                        .as(service + ": channel " + channel + " out of readiness")
                        .isEqualTo("false");
            }
        }
    }

    @Test
    void podsRunRestrictedWithRequestsAndLimits() {
        byName("Deployment").forEach((name, deployment) -> {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(pod.path("securityContext")
                            .path("seccompProfile")
                            .path("type")
                            .asText())
                    .as(name)
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as(name)
                    .isFalse();
            JsonNode container = container(deployment);
            JsonNode security = container.path("securityContext");
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                    .as(name)
                    .isFalse();
            assertThat(security.path("capabilities").path("drop").toString())
                    .as(name)
                    .isEqualTo("[\"ALL\"]");
            if (SERVICES.contains(name)) {
                assertThat(security.path("readOnlyRootFilesystem").asBoolean())
                        .as(name)
                        .isTrue();
                assertThat(container.path("volumeMounts").findValuesAsText("mountPath"))
                        .as(name)
                        .contains("/tmp");
            }
            JsonNode resources = container.path("resources");
            assertThat(resources.path("requests").has("cpu"))
                    .as(name + " cpu request (the HPA's base)")
                    .isTrue();
            assertThat(resources.path("requests").has("memory")).as(name).isTrue();
            assertThat(resources.path("limits").has("memory")).as(name).isTrue();
        });
    }

    private static void assertProbe(String name, JsonNode container, String probe, String path, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as(name + " " + probe).isEqualTo(path);
        assertThat(get.path("port").asInt()).as(name + " " + probe + " port").isEqualTo(port);
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isEmpty()) {
            return false;
        }
        for (var entry : matchLabels.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(String kind) {
        Map<String, JsonNode> objects = new TreeMap<>();
        rendered.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .forEach(o -> objects.put(o.path("metadata").path("name").asText(), o));
        return objects;
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
