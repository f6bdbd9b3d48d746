package io.infrasystem.deploy;

import static io.infrasystem.deploy.ServiceConfiguration.ROOT;
import static io.infrasystem.deploy.ServiceConfiguration.RUNTIME_VARIABLES;
import static io.infrasystem.deploy.ServiceConfiguration.SERVICES;
import static io.infrasystem.deploy.ServiceConfiguration.declaredVariables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run on the development machines (no Docker engine), so this test
 * keeps it honest: every service it builds is a module of the build with a Dockerfile, and every
 * environment variable it gives a service maps (MicroProfile Config naming) to a configuration
 * property that the service really declares, in its application.properties or in the commons
 * defaults it inherits. It also keeps the production defaults of docs/security.md, point 9:
 * published ports on loopback, secrets only from the environment, Kafka with SASL/SCRAM and the
 * shipped ACLs, Keycloak in production mode on PostgreSQL.
 */
class ComposeConfigurationTest {

    @Test
    void everyBuiltServiceIsAModuleWithADockerfile() throws IOException {
        for (Map.Entry<String, JsonNode> service : builtServices().entrySet()) {
            String context = service.getValue().at("/build/context").asText();
            assertThat(ROOT.resolve(context).resolve("pom.xml"))
                    .as(service.getKey())
                    .exists();
            assertThat(ROOT.resolve(context)
                            .resolve(service.getValue().at("/build/dockerfile").asText()))
                    .as(service.getKey())
                    .exists();
        }
        assertThat(builtServices()).containsKeys(SERVICES.toArray(String[]::new));
    }

    @Test
    void everyEnvironmentVariableMapsToADeclaredProperty() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : builtServices().entrySet()) {
            String module = service.getValue().at("/build/context").asText();
            Set<String> declared = declaredVariables(module);
            service.getValue().path("environment").fieldNames().forEachRemaining(variable -> {
                if (!RUNTIME_VARIABLES.contains(variable) && !declared.contains(variable)) {
                    unknown.add(service.getKey() + ": " + variable);
                }
            });
        }
        assertThat(unknown).as("variables that no configuration property reads").isEmpty();
    }

    @Test
    void everyServiceHasAReadinessHealthCheck() throws IOException {
        builtServices()
                .forEach((name, service) -> assertThat(
                                service.at("/healthcheck/test").toString())
                        .as(name)
                        .contains("/q/health/ready"));
    }

    @Test
    void publishedPortsListenOnLoopbackOnly() throws IOException {
        List<String> published = new ArrayList<>();
        compose()
                .path("services")
                .fields()
                .forEachRemaining(service -> service.getValue()
                        .path("ports")
                        .forEach(port -> published.add(service.getKey() + " " + port.asText())));
        assertThat(published).isNotEmpty().allSatisfy(port -> assertThat(port).contains(" 127.0.0.1:"));
    }

    @Test
    void secretsComeOnlyFromTheEnvironmentWithoutDefaults() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher use = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:?[-?])?([^}]*)}").matcher(text);
        Set<String> required = new java.util.HashSet<>();
        List<String[]> uses = new ArrayList<>();
        while (use.find()) {
            uses.add(new String[] {use.group(1), use.group(2) == null ? "" : use.group(2), use.group(3)});
            if (":?".equals(use.group(2))) {
                required.add(use.group(1));
            }
        }
        List<String> defaulted = new ArrayList<>();
        for (String[] u : uses) {
            boolean secret = u[0].matches(".*(PASSWORD|SECRET|ENCRYPTION_KEY).*");
            boolean ok = ":?".equals(u[1])
                    || (u[1].isEmpty() && required.contains(u[0]))
                    || (":-".equals(u[1]) && u[2].isEmpty());
            if (secret && !ok) {
                defaulted.add(u[0] + u[1] + u[2]);
            }
        }
        assertThat(required).contains("POSTGRES_PASSWORD", "KEYCLOAK_DB_PASSWORD", "KAFKA_ADMIN_PASSWORD");
        assertThat(defaulted).as("secrets with a default value or not required").isEmpty();
        // the database init scripts read their passwords from the environment as well
        for (String init : List.of("deploy/compose/postgres-init.sh", "deploy/compose/mariadb-init.sh")) {
            assertThat(Files.readString(ROOT.resolve(init)))
                    .doesNotContain("_dev'")
                    .doesNotContain("PASSWORD '");
        }
    }

    @Test
    void kafkaNeedsScramAndEachServiceLogsInAsItsOwnUserOfTheShippedAcls() throws IOException {
        JsonNode services = compose().path("services");
        JsonNode broker = services.path("kafka").path("environment");
        assertThat(broker.path("KAFKA_AUTHORIZER_CLASS_NAME").asText())
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText()).isEqualTo("false");
        assertThat(broker.path("KAFKA_SUPER_USERS").asText()).isEqualTo("User:admin");
        assertThat(broker.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText()).doesNotContain(":PLAINTEXT");
        assertThat(services.path("kafka").has("ports"))
                .as("Kafka is not published")
                .isFalse();

        JsonNode setup = services.path("kafka-setup");
        assertThat(setup.path("command").toString()).contains("apply");
        for (String user : KafkaAcls.shipped().users()) {
            String variable = user.toUpperCase(Locale.ROOT).replace('-', '_') + "_KAFKA_PASSWORD";
            assertThat(setup.path("environment").path(variable).asText())
                    .as("kafka-setup gets the password of " + user)
                    .isEqualTo("${" + variable + ":?set in .env}");
        }
        for (Map.Entry<String, JsonNode> service : builtServices().entrySet()) {
            JsonNode env = service.getValue().path("environment");
            String variable = service.getKey().toUpperCase(Locale.ROOT).replace('-', '_') + "_KAFKA_PASSWORD";
            assertThat(env.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_PLAINTEXT");
            assertThat(env.path("KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(env.path("KAFKA_SASL_JAAS_CONFIG").asText())
                    .as(service.getKey() + " logs in as itself")
                    .contains("ScramLoginModule required")
                    .contains("username=\"" + service.getKey() + "\"")
                    .contains("password=\"${" + variable + ":?");
            assertThat(service.getValue()
                            .at("/depends_on/kafka-setup/condition")
                            .asText())
                    .as(service.getKey() + " starts once users and ACLs exist")
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void keycloakRunsInProductionModeOnPostgresql() throws IOException {
        JsonNode keycloak = compose().path("services").path("keycloak");
        assertThat(keycloak.path("command").get(0).asText()).isEqualTo("start");
        assertThat(keycloak.at("/environment/KC_DB").asText()).isEqualTo("postgres");
        assertThat(keycloak.at("/environment/KC_DB_PASSWORD").asText()).startsWith("${KEYCLOAK_DB_PASSWORD:?");
    }

    private static JsonNode compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Object yaml = new Yaml().load(reader); // SnakeYAML resolves the merge keys (<<) that Compose files use
            return new ObjectMapper().valueToTree(yaml);
        }
    }

    private static Map<String, JsonNode> builtServices() throws IOException {
        Map<String, JsonNode> built = new java.util.TreeMap<>();
        compose().path("services").fields().forEachRemaining(e -> {
            if (e.getValue().has("build")) {
                built.put(e.getKey(), e.getValue());
            }
        });
        return built;
    }
}
