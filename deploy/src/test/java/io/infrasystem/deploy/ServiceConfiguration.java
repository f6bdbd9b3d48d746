package io.infrasystem.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** The configuration a service module declares, as the environment variables that can set it. */
final class ServiceConfiguration {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The service modules, each deployed by compose and by the Kubernetes manifests. */
    static final Set<String> SERVICES = Set.of(
            "api-gateway",
            "inventory-service",
            "vm-service",
            "cert-service",
            "project-service",
            "mail-gateway",
            "realtime-service");

    /**
     * Read by the container's entrypoint (JAVA_OPTS), or by the Kafka clients: Quarkus hands every
     * configuration property that starts with {@code kafka} to them ({@code default-kafka-broker}),
     * so {@code KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config} without being declared.
     * These three carry the SASL/SCRAM login of docs/security.md, point 9.
     */
    static final Set<String> RUNTIME_VARIABLES =
            Set.of("JAVA_OPTS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG");

    private ServiceConfiguration() {}

    /** Environment-variable forms of every property the module declares or inherits from commons. */
    static Set<String> declaredVariables(String module) throws IOException {
        Set<String> variables = new HashSet<>();
        List<Path> sources = new ArrayList<>(List.of(
                ROOT.resolve(module).resolve("src/main/resources/application.properties"),
                ROOT.resolve("commons/rest/src/main/resources/META-INF/microprofile-config.properties")));
        if (Files.readString(ROOT.resolve(module).resolve("pom.xml"))
                .contains("<artifactId>commons-data</artifactId>")) {
            sources.add(ROOT.resolve("commons/data/src/main/resources/META-INF/microprofile-config.properties"));
        }
        for (Path source : sources) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(source)) {
                properties.load(reader);
            }
            for (String name : properties.stringPropertyNames()) {
                variables.add(toEnvironmentVariable(name.replaceFirst("^%[^.]+\\.", "")));
            }
        }
        return variables;
    }

    /** MicroProfile Config: non-alphanumeric characters become {@code _}, letters upper case. */
    static String toEnvironmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
