package io.infrasystem.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The tests' own hands on the real Zabbix that {@code deploy/local/stack test} starts for
 * inventory-service ({@code INFRA_TEST_ZABBIX_URL}, {@code INFRA_TEST_ZABBIX_SENDER_PORT},
 * {@code INFRA_TEST_ZABBIX_USER}/{@code _PASSWORD}; defaults: the local stack's): creates hosts,
 * trapper items and triggers through the JSON-RPC API, pushes values with {@code zabbix_sender},
 * and reads problems and events back. Every host gets a unique name, so tests never see each
 * other's problems by their host.
 */
final class ZabbixFixture {

    static final String URL = env("INFRA_TEST_ZABBIX_URL", "http://127.0.0.1:8088/api_jsonrpc.php");
    static final String USER = env("INFRA_TEST_ZABBIX_USER", "Admin");
    static final String PASSWORD = env("INFRA_TEST_ZABBIX_PASSWORD", "zabbix");
    static final int SENDER_PORT = Integer.parseInt(env("INFRA_TEST_ZABBIX_SENDER_PORT", "10051"));

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String session;

    private ZabbixFixture() {}

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A host with one trapper item and one trigger on it. */
    record Monitored(String host, long hostId, String key, long triggerId) {}

    /** @return the result of a call with the fixture's own session */
    static synchronized JsonNode call(String method, Object params) {
        if (session == null) {
            session = rpc("user.login", Map.of("username", USER, "password", PASSWORD), null)
                    .asText();
        }
        return rpc(method, params, session);
    }

    /** @return the result of a call with the given auth ({@code null} for none) */
    static JsonNode rpc(String method, Object params, String auth) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("jsonrpc", "2.0").put("method", method).put("id", 1);
        body.set("params", MAPPER.valueToTree(params));
        if (auth != null) {
            body.put("auth", auth);
        }
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(URL))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/json-rpc")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = MAPPER.readTree(response.body());
            if (answer.has("error")) {
                throw new IllegalStateException(method + ": " + answer.get("error"));
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The test Zabbix at " + URL + " does not answer (" + e
                            + "): run the tests with deploy/local/stack test, or deploy/local/stack up zabbix",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long hostGroup() {
        String name = "infra-system tests";
        JsonNode groups = call("hostgroup.get", Map.of("filter", Map.of("name", List.of(name))));
        if (!groups.isEmpty()) {
            return groups.get(0).path("groupid").asLong();
        }
        return call("hostgroup.create", Map.of("name", name))
                .path("groupids")
                .get(0)
                .asLong();
    }

    /**
     * Creates a host with an agent interface on {@code ip}, a trapper item {@code temp} (float) and a
     * trigger "temp above 50" of severity high.
     *
     * @param tags host tags, name to value
     */
    static Monitored monitoredHost(String prefix, String ip, Map<String, String> tags) {
        String host = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        long hostId = call(
                        "host.create",
                        Map.of(
                                "host", host,
                                "groups", List.of(Map.of("groupid", Long.toString(hostGroup()))),
                                "interfaces",
                                        List.of(Map.of(
                                                "type", 1, "main", 1, "useip", 1, "ip", ip, "dns", "", "port",
                                                "10050")),
                                "tags",
                                        tags.entrySet().stream()
                                                .map(e -> Map.of("tag", e.getKey(), "value", e.getValue()))
                                                .toList()))
                .path("hostids")
                .get(0)
                .asLong();
        call(
                "item.create",
                Map.of(
                        "name",
                        "Temperature",
                        "key_",
                        "temp",
                        "hostid",
                        Long.toString(hostId),
                        "type",
                        2,
                        "value_type",
                        0));
        long triggerId = call(
                        "trigger.create",
                        Map.of(
                                "description", "Temperature too high on " + host,
                                "expression", "last(/" + host + "/temp)>50",
                                "priority", 4))
                .path("triggerids")
                .get(0)
                .asLong();
        return new Monitored(host, hostId, "temp", triggerId);
    }

    /** Pushes one value with {@code zabbix_sender}; @return its output */
    static String send(String host, String key, String value) {
        try {
            Process process = new ProcessBuilder(
                            "zabbix_sender",
                            "-z",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(SENDER_PORT),
                            "-s",
                            host,
                            "-k",
                            key,
                            "-o",
                            value)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("zabbix_sender is missing (apt-get install zabbix-agent)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pushes {@code value} until the trigger's problem state matches (a trigger is evaluated only when
     * a value arrives, and a new item takes values only once the server's configuration cache has it).
     *
     * @param problem whether to wait for an open problem ({@code true}) or for none
     * @return the open problem's event id ({@code problem}), or the resolved one's event id
     */
    static long pushUntil(Monitored m, String value, boolean problem, long resolvedEventId) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            String out = send(m.host(), m.key(), value);
            if (problem) {
                JsonNode open = call("problem.get", Map.of("objectids", List.of(Long.toString(m.triggerId()))));
                if (!open.isEmpty()) {
                    return open.get(0).path("eventid").asLong();
                }
            } else {
                JsonNode event = event(resolvedEventId);
                if (event.path("r_eventid").asLong() != 0) {
                    return resolvedEventId;
                }
            }
            sleep(out.contains("processed: 1") ? 500 : 1000);
        }
        throw new AssertionError("Zabbix did not " + (problem ? "raise" : "resolve") + " the problem of " + m.host());
    }

    /** @return the event as {@code event.get} has it now (with its acknowledgements) */
    static JsonNode event(long eventId) {
        JsonNode events = call(
                "event.get",
                Map.of(
                        "eventids",
                        List.of(Long.toString(eventId)),
                        "output",
                        "extend",
                        "select_acknowledges",
                        "extend"));
        return events.isEmpty() ? MAPPER.createObjectNode() : events.get(0);
    }

    /** Waits (up to 30 s) until the event matches. */
    static JsonNode awaitEvent(long eventId, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode event = event(eventId);
        while (!condition.test(event)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("event " + eventId + " did not reach the expected state: " + event);
            }
            sleep(200);
            event = event(eventId);
        }
        return event;
    }

    /** @return a new API token of the fixture's user (token.create + token.generate), 64 hex */
    static String apiToken() {
        long userId = call("user.get", Map.of("filter", Map.of("username", List.of(USER)), "output", List.of("userid")))
                .get(0)
                .path("userid")
                .asLong();
        long tokenId = call(
                        "token.create",
                        Map.of(
                                "name",
                                "infra-test-" + UUID.randomUUID().toString().substring(0, 8),
                                "userid",
                                Long.toString(userId)))
                .path("tokenids")
                .get(0)
                .asLong();
        return call("token.generate", List.of(Long.toString(tokenId)))
                .get(0)
                .path("token")
                .asText();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
