package io.infrasystem.vm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The structure of the n8n workflows shipped in {@code deploy/n8n/} (read as files, no n8n needed;
 * the harness {@code deploy/n8n/harness/run.sh} runs them in a real n8n): fixed webhook ids, the
 * documented credential names, no environment variables in nodes, every failure after the run is
 * known ending the run as failed, chunks posted one after the other, the run always finished.
 */
class N8nWorkflowTest {

    static final Path DIR = Path.of("..", "deploy", "n8n");
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Credential name → n8n credential type, as deploy/n8n/README.md documents them. */
    static final Map<String, String> CREDENTIALS = Map.of(
            "vm-service trigger", "httpHeaderAuth",
            "vm-service API key", "httpHeaderAuth",
            "vCenter", "httpBasicAuth",
            "Prism Central", "httpBasicAuth");

    static final String FAIL = "Fail sync run";
    static final String FINISH = "Finish sync run";
    static final String POST = "Post chunk to vm-service";

    static Stream<String> workflows() {
        return Stream.of("vcenter-vm-sync.json", "prism-central-v3-vm-sync.json", "prism-central-v4-vm-sync.json");
    }

    /** One workflow: its nodes by name and its main connections (node → output index → target names). */
    record Workflow(String file, String text, Map<String, JsonNode> nodes, Map<String, List<List<String>>> links) {

        static Workflow read(String file) {
            try {
                String text = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
                JsonNode root = MAPPER.readTree(text);
                Map<String, JsonNode> nodes = new LinkedHashMap<>();
                root.get("nodes").forEach(n -> nodes.put(n.get("name").asText(), n));
                Map<String, List<List<String>>> links = new HashMap<>();
                root.get("connections").properties().forEach(e -> {
                    List<List<String>> outputs = new ArrayList<>();
                    e.getValue().path("main").forEach(out -> {
                        List<String> targets = new ArrayList<>();
                        out.forEach(t -> targets.add(t.get("node").asText()));
                        outputs.add(targets);
                    });
                    links.put(e.getKey(), outputs);
                });
                return new Workflow(file, text, nodes, links);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        List<String> targets(String node, int output) {
            List<List<String>> outs = links.getOrDefault(node, List.of());
            return output < outs.size() ? outs.get(output) : List.of();
        }

        List<JsonNode> ofType(String type) {
            return nodes.values().stream()
                    .filter(n -> n.get("type").asText().equals("n8n-nodes-base." + type))
                    .toList();
        }

        /** @return the nodes reachable from {@code start} through regular outputs (index 0, and 1 of IF and loop nodes) */
        Set<String> reachable(String start) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                String n = todo.pop();
                if (!seen.add(n)) {
                    continue;
                }
                String type = nodes.get(n).get("type").asText();
                boolean control = type.endsWith(".if") || type.endsWith(".splitInBatches");
                todo.addAll(targets(n, 0));
                if (control) {
                    todo.addAll(targets(n, 1));
                }
            }
            return seen;
        }

        String param(String node, String field) {
            return nodes.get(node).path("parameters").path(field).asText();
        }
    }

    @Test
    void everyWebhookHasAFixedIdAndItsOwnPath() {
        Set<String> ids = new HashSet<>();
        Set<String> paths = new HashSet<>();
        workflows().map(Workflow::read).forEach(w -> {
            List<JsonNode> hooks = w.ofType("webhook");
            assertThat(hooks).as(w.file()).hasSize(1);
            JsonNode hook = hooks.get(0);
            // without webhookId n8n registers /webhook/<workflow id>/<node>/<path>, not the documented URL
            assertThat(hook.path("webhookId").asText()).as(w.file()).matches("[0-9a-f-]{36}");
            assertThat(ids.add(hook.get("webhookId").asText())).as(w.file()).isTrue();
            assertThat(paths.add(hook.path("parameters").path("path").asText()))
                    .as(w.file())
                    .isTrue();
            assertThat(hook.path("parameters").path("authentication").asText()).isEqualTo("headerAuth");
        });
        assertThat(paths)
                .containsExactlyInAnyOrder(
                        "infra-vm-sync-vcenter-vcenter",
                        "infra-vm-sync-nutanix-v3-prism",
                        "infra-vm-sync-nutanix-v4-prism");
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void credentialsAreTheDocumentedOnesByNameWithoutSecretsOrEnvironment(String file) {
        Workflow w = Workflow.read(file);
        w.nodes()
                .values()
                .forEach(n -> n.path("credentials").properties().forEach(c -> {
                    String name = c.getValue().path("name").asText();
                    assertThat(CREDENTIALS).as(n.get("name").asText()).containsEntry(name, c.getKey());
                    // an id would bind to one n8n instance; the name resolves at import
                    assertThat(c.getValue().path("id").asText()).isEmpty();
                }));
        assertThat(w.text()).doesNotContain("$env").doesNotContain("process.env");
        assertThat(README).contains(CREDENTIALS.keySet());
        // the vm-service calls authenticate with the API key credential, never a literal header
        w.ofType("httpRequest").stream()
                .filter(n -> n.path("parameters").path("url").asText().contains("/api/vm/"))
                .forEach(n -> assertThat(n.path("credentials")
                                .path("httpHeaderAuth")
                                .path("name")
                                .asText())
                        .as(n.get("name").asText())
                        .isEqualTo("vm-service API key"));
        // the hypervisor calls skip TLS checks only when "Settings" says so for the source
        w.ofType("httpRequest").stream()
                .filter(n -> !n.path("parameters").path("url").asText().contains("/api/vm/"))
                .forEach(n -> assertThat(n.path("parameters")
                                .path("options")
                                .path("allowUnauthorizedCerts")
                                .asText())
                        .as(n.get("name").asText())
                        .isEqualTo("={{ $('Source').first(0).json.allow_self_signed }}"));
    }

    static final String README = readme();

    static String readme() {
        try {
            return Files.readString(DIR.resolve("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void aScheduleAManualTriggerAndTheWebhookAllLeadToTheSettings(String file) {
        Workflow w = Workflow.read(file);
        for (String type : List.of("webhook", "scheduleTrigger", "manualTrigger")) {
            assertThat(w.ofType(type)).as(type).hasSize(1);
            assertThat(w.targets(w.ofType(type).get(0).get("name").asText(), 0)).containsExactly("Settings");
        }
        String settings = w.param("Settings", "jsCode");
        // TLS checks stay on unless an operator turns them off for one source
        assertThat(settings).contains("\"allow_self_signed\": false").doesNotContain("\"allow_self_signed\": true");
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyFailureOnceTheRunIsKnownFailsTheRunAndTheExecution(String file) {
        Workflow w = Workflow.read(file);
        Set<String> failurePath = w.reachable(FAIL);
        assertThat(w.param(FAIL, "url")).endsWith("/fail");
        assertThat(w.param(FAIL, "method")).isEqualTo("POST");
        assertThat(w.nodes().get(FAIL).path("executeOnce").asBoolean()).isTrue();
        assertThat(failurePath.stream().map(n -> w.nodes().get(n).get("type").asText()))
                .contains("n8n-nodes-base.stopAndError");

        Set<String> afterRunId = w.reachable("Run id");
        afterRunId.remove("Run id");
        int checked = 0;
        for (String name : afterRunId) {
            JsonNode n = w.nodes().get(name);
            String type = n.get("type").asText();
            boolean worker = type.endsWith(".httpRequest") || type.endsWith(".code");
            if (!worker || name.startsWith("End vCenter session")) {
                continue;
            }
            assertThat(n.path("onError").asText()).as(name).isEqualTo("continueErrorOutput");
            assertThat(w.targets(name, 1)).as(name).containsExactly(FAIL);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
        // before "Run id" there is no run to fail: those nodes stop the execution (the default)
        assertThat(w.nodes().get("Run id").has("onError")).isFalse();
        assertThat(w.param("Run id", "jsCode")).contains("fail('no sync run id");
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void chunksArePostedOneAfterTheOtherAndTheRunIsAlwaysFinished(String file) {
        Workflow w = Workflow.read(file);
        List<JsonNode> loops = w.ofType("splitInBatches");
        assertThat(loops).hasSize(1);
        String loop = loops.get(0).get("name").asText();
        assertThat(loops.get(0).path("parameters").path("batchSize").asInt()).isEqualTo(1);
        JsonNode post = w.nodes().get(POST);
        assertThat(post.path("parameters").path("options").has("batching")).isFalse();
        assertThat(w.param(POST, "url")).contains("run_id={{ $('Source').first(0).json.run_id }}");
        // loop output 1 carries one chunk to the post, whose answer goes back to the loop
        assertThat(w.reachable(w.targets(loop, 1).get(0))).contains(POST);
        assertThat(w.targets(POST, 0)).containsExactly(loop);
        // loop output 0 (done, also with no chunk at all) finishes the run once
        assertThat(w.targets(loop, 0)).containsExactly(FINISH);
        assertThat(w.param(FINISH, "url")).endsWith("/finish");
        assertThat(w.nodes().get(FINISH).path("executeOnce").asBoolean()).isTrue();
        // the node before the loop hands over one empty item when there is nothing to post
        String chunks = w.links().entrySet().stream()
                .filter(e -> !e.getKey().equals(POST)
                        && !e.getKey().equals("Chunk to post?")
                        && e.getValue().get(0).contains(loop))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        assertThat(w.param(chunks, "jsCode")).contains("chunks.length ? chunks : [{ json: { chunk: null } }]");
    }

    @Test
    void vcenterGuestDataIsDroppedOnlyFor503AndItsSessionIsDeletedEitherWay() {
        Workflow w = Workflow.read("vcenter-vm-sync.json");
        String guest = w.param("VMs, guest identity and placement", "jsCode");
        assertThat(guest)
                .contains("'/guest/identity', [503]")
                .contains("'/guest/networking/interfaces', [503]")
                .contains("skipSslCertificateValidation: src.allow_self_signed === true")
                // a failed call (TLS, network) is rethrown, never turned into "no data"
                .contains("} catch (e) {\n    fail('GET ' + path + ' failed, '");
        assertThat(guest.split("catch", -1)).hasSize(2);
        assertThat(w.targets(FINISH, 0)).containsExactly("End vCenter session");
        assertThat(w.reachable(FAIL)).contains("End vCenter session after failure");
        for (String end : List.of("End vCenter session", "End vCenter session after failure")) {
            assertThat(w.param(end, "method")).isEqualTo("DELETE");
            assertThat(w.param(end, "url")).endsWith("/api/session");
        }
    }
}
