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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run on the development machines (no Docker engine), so this test
 * keeps it honest: every service it builds is a module of the build with a Dockerfile, and every
 * environment variable it gives a service maps (MicroProfile Config naming) to a configuration
 * property that the service really declares, in its application.properties or in the commons
 * defaults it inherits.
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

    private static Map<String, JsonNode> builtServices() throws IOException {
        Object yaml;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            yaml = new Yaml().load(reader); // SnakeYAML resolves the merge keys (<<) that Compose files use
        }
        JsonNode compose = new ObjectMapper().valueToTree(yaml);
        Map<String, JsonNode> built = new java.util.TreeMap<>();
        compose.path("services").fields().forEachRemaining(e -> {
            if (e.getValue().has("build")) {
                built.put(e.getKey(), e.getValue());
            }
        });
        return built;
    }
}
