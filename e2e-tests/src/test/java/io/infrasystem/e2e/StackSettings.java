package io.infrasystem.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's settings as {@code deploy/local/stack} sees them: {@code deploy/local/infra.env}
 * sourced by bash, so that a value overridden in the environment wins exactly as it does for the
 * stack. The end-to-end tests read ports, URLs and dev credentials only from here.
 */
final class StackSettings {

    private static final List<String> NAMES = List.of(
            "API_GATEWAY_PORT",
            "VM_SERVICE_PORT",
            "INVENTORY_SERVICE_PORT",
            "CERT_SERVICE_PORT",
            "PROJECT_SERVICE_PORT",
            "MAIL_GATEWAY_PORT",
            "REALTIME_SERVICE_PORT",
            "INFRA_KEYCLOAK_URL",
            "KEYCLOAK_REALM",
            "INFRA_DEV_CLIENT_ID",
            "DEV_ADMIN_PASSWORD",
            "DEV_EDITOR_PASSWORD",
            "DEV_VIEWER_PASSWORD",
            "KC_BOOTSTRAP_ADMIN_USERNAME",
            "KC_BOOTSTRAP_ADMIN_PASSWORD",
            "SMTP_HOST",
            "SMTP_API_PORT",
            "INVENTORY_EOS_REPORT_RECIPIENTS",
            "INFRA_CERT_ALERTS_RECIPIENTS");

    private final Path repoRoot;
    private final Map<String, String> values;

    private StackSettings(Path repoRoot, Map<String, String> values) {
        this.repoRoot = repoRoot;
        this.values = values;
    }

    /**
     * Reads the settings.
     *
     * @param repoRoot the repository's root folder
     * @return the settings
     * @throws IllegalStateException if bash cannot source {@code infra.env} or a setting is empty
     */
    static StackSettings load(Path repoRoot) {
        StringBuilder script = new StringBuilder("set -eu; source deploy/local/infra.env");
        for (String name : NAMES) {
            script.append("; printf '%s\\n' \"$").append(name).append('"');
        }
        try {
            Process bash = new ProcessBuilder("bash", "-c", script.toString())
                    .directory(repoRoot.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            List<String> lines = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            if (!bash.waitFor(30, TimeUnit.SECONDS) || bash.exitValue() != 0 || lines.size() != NAMES.size()) {
                throw new IllegalStateException("sourcing deploy/local/infra.env failed: " + lines);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < NAMES.size(); i++) {
                if (lines.get(i).isBlank()) {
                    throw new IllegalStateException(NAMES.get(i) + " is empty in deploy/local/infra.env");
                }
                values.put(NAMES.get(i), lines.get(i));
            }
            return new StackSettings(repoRoot, values);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bash to read deploy/local/infra.env", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading deploy/local/infra.env", e);
        }
    }

    Path repoRoot() {
        return repoRoot;
    }

    /** @return the value of one of {@link #NAMES} */
    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is not read from infra.env");
        }
        return value;
    }

    int port(String name) {
        return Integer.parseInt(get(name));
    }

    /** @return the gateway's public base URL, e.g. {@code http://127.0.0.1:8080} */
    String gatewayUrl() {
        return "http://127.0.0.1:" + get("API_GATEWAY_PORT");
    }

    /** @return the ports of the seven services, by service name */
    Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("inventory-service", port("INVENTORY_SERVICE_PORT"));
        ports.put("vm-service", port("VM_SERVICE_PORT"));
        ports.put("cert-service", port("CERT_SERVICE_PORT"));
        ports.put("project-service", port("PROJECT_SERVICE_PORT"));
        ports.put("mail-gateway", port("MAIL_GATEWAY_PORT"));
        ports.put("realtime-service", port("REALTIME_SERVICE_PORT"));
        ports.put("api-gateway", port("API_GATEWAY_PORT"));
        return ports;
    }
}
