package io.infrasystem.vm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.vm.sync.N8nWorkflowRules.Finding;
import io.infrasystem.vm.sync.N8nWorkflowRules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The n8n workflows shipped in {@code deploy/n8n/} (read as files from the build's working directory,
 * no n8n needed; {@code deploy/n8n/harness/run.sh} runs them in a real n8n) keep the rules of
 * {@link N8nWorkflowRules}; and the rules are shown to catch each break: the vCenter workflow as it was
 * shipped when issue 16 was filed, and the shipped files with one thing broken at a time.
 */
class N8nWorkflowTest {

    static final Path DIR = Path.of("..", "deploy", "n8n");
    static final String VCENTER = "vcenter-vm-sync.json";
    static final String V3 = "prism-central-v3-vm-sync.json";
    static final String V4 = "prism-central-v4-vm-sync.json";

    static List<N8nWorkflow> shipped() {
        return Stream.of(VCENTER, V3, V4)
                .map(f -> N8nWorkflow.read(DIR.resolve(f)))
                .toList();
    }

    @Test
    void theShippedWorkflowsKeepEveryRule() {
        assertThat(N8nWorkflowRules.check(shipped())).isEmpty();
    }

    @Test
    void theReadmeDocumentsTheCredentialsAndTheWebhookUrls() throws IOException {
        String readme = Files.readString(DIR.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(N8nWorkflowRules.CREDENTIALS.keySet());
        for (N8nWorkflow w : shipped()) {
            String path =
                    w.ofType("webhook").get(0).path("parameters").path("path").asText();
            assertThat(readme).as(w.label()).contains("<n8n>/webhook/" + path);
        }
        // credentials must exist before the workflows that name them are imported
        assertThat(readme.indexOf("**Credentials first.**"))
                .isPositive()
                .isLessThan(readme.indexOf("**Then the workflows**"));
    }

    @Test
    void theVcenterWorkflowAsIssue16FoundItBreaksTheRulesTheIssueNames() throws IOException {
        // deploy/n8n/vcenter-vm-sync.json of commit 8949d7a, before the issue was mended
        N8nWorkflow before;
        try (InputStream in = getClass().getResourceAsStream("/n8n/vcenter-vm-sync-before-issue-16.json")) {
            before = N8nWorkflow.of("before issue 16", N8nWorkflow.MAPPER.readTree(in));
        }
        List<Finding> findings = N8nWorkflowRules.check(before);
        assertThat(findings)
                .extracting(Finding::rule)
                .contains(
                        Rule.WEBHOOK_ID, // point 1: no webhookId
                        Rule.TLS, // point 2: no TLS option in the Code node's calls
                        Rule.GUEST_DATA, // point 2: every error caught and turned into null
                        Rule.SEQUENTIAL_CHUNKS, // point 3: HTTP node batching
                        Rule.FAILURE_PATH, // point 4: no run ever failed
                        Rule.RUN_ID_GUARD, // point 4: ?run_id= posted without an id
                        Rule.TRIGGERS, // point 5: no manual trigger
                        Rule.NO_ENV, // point 6: $env
                        Rule.CREDENTIALS, // the API key as a literal header from $env
                        Rule.VCENTER_SESSION); // the session never deleted
        assertThat(findings)
                .map(Finding::toString)
                .contains(
                        "before issue 16: WEBHOOK_ID: n8n trigger from vm-service has no fixed webhookId (a UUID)",
                        "before issue 16: GUEST_DATA: Guest identity and placement swallows an error: catch { return null; }",
                        "before issue 16: SEQUENTIAL_CHUNKS: 1 chunk posts and 0 loops, expected 1 each",
                        "before issue 16: FAILURE_PATH: no HTTP node 'Fail sync run'",
                        "before issue 16: TRIGGERS: 0 manualTrigger nodes, expected 1");
    }

    /** One thing broken in one shipped workflow, and the rule that must catch it. */
    static Stream<Arguments> breaks() {
        return Stream.of(
                broken(
                        "webhook without webhookId",
                        VCENTER,
                        Rule.WEBHOOK_ID,
                        w -> node(w, "n8n trigger from vm-service").remove("webhookId")),
                broken(
                        "webhook without Header Auth",
                        V4,
                        Rule.WEBHOOK_ID,
                        w -> params(w, "n8n trigger from vm-service").put("authentication", "none")),
                broken(
                        "webhookId of another workflow",
                        V4,
                        Rule.WEBHOOK_UNIQUE,
                        w -> node(w, "n8n trigger from vm-service").put("webhookId", webhookId(V3))),
                broken(
                        "credential renamed",
                        V4,
                        Rule.CREDENTIALS,
                        w -> credential(w, "Post chunk to vm-service").put("name", "vm-service key")),
                broken(
                        "credential bound by id",
                        V3,
                        Rule.CREDENTIALS,
                        w -> credential(w, "Finish sync run").put("id", "Xk3pQ9aB")),
                broken("API key as a literal header", V4, Rule.CREDENTIALS, w -> {
                    node(w, "Finish sync run").remove("credentials");
                    params(w, "Finish sync run").put("authentication", "none");
                }),
                broken(
                        "setting from $env",
                        VCENTER,
                        Rule.NO_ENV,
                        w -> replace(w, "Settings", "jsCode", "\"https://infra.example.com\"", "$env.INFRA_URL")),
                broken("no manual trigger", V3, Rule.TRIGGERS, w -> removeNode(w, "Run by hand")),
                broken(
                        "run id taken unchecked",
                        VCENTER,
                        Rule.RUN_ID_GUARD,
                        w -> params(w, "Run id")
                                .put(
                                        "jsCode",
                                        "const given = $('Settings').first().json.run_id;\n"
                                                + "return [{ json: { run_id: given !== null ? given : $input.first().json.id } }];")),
                broken(
                        "run id guard continues on error",
                        V4,
                        Rule.RUN_ID_GUARD,
                        w -> node(w, "Run id").put("onError", "continueRegularOutput")),
                broken(
                        "chunk post errors not failing the run",
                        V4,
                        Rule.FAILURE_PATH,
                        w -> outputs(w, "Post chunk to vm-service").set(1, N8nWorkflow.MAPPER.createArrayNode())),
                broken(
                        "code node stopping on error",
                        VCENTER,
                        Rule.FAILURE_PATH,
                        w -> node(w, "VMs, guest identity and placement").remove("onError")),
                broken("failed run not failing the execution", V3, Rule.FAILURE_PATH, w -> {
                    removeNode(w, "Stop: run failed");
                    outputs(w, "Fail sync run").set(0, N8nWorkflow.MAPPER.createArrayNode());
                }),
                broken(
                        "fail stopping on its own error",
                        VCENTER,
                        Rule.FAILURE_PATH,
                        w -> node(w, "Fail sync run").remove("onError")),
                broken(
                        "fail without an error",
                        V4,
                        Rule.FAILURE_PATH,
                        w -> params(w, "Fail sync run").put("jsonBody", "={{ JSON.stringify({}) }}")),
                broken(
                        "HTTP node batching",
                        V4,
                        Rule.SEQUENTIAL_CHUNKS,
                        w -> ((ObjectNode) params(w, "Post chunk to vm-service").path("options"))
                                .set(
                                        "batching",
                                        N8nWorkflow.MAPPER
                                                .createObjectNode()
                                                .set(
                                                        "batch",
                                                        N8nWorkflow.MAPPER
                                                                .createObjectNode()
                                                                .put("batchSize", 1)
                                                                .put("batchInterval", 0)))),
                broken(
                        "chunks posted around the loop",
                        V3,
                        Rule.SEQUENTIAL_CHUNKS,
                        w -> retarget(w, "Pages to post", 0, "Post chunk to vm-service")),
                broken(
                        "loop of ten chunks",
                        V4,
                        Rule.SEQUENTIAL_CHUNKS,
                        w -> params(w, "One chunk at a time").put("batchSize", 10)),
                broken(
                        "no item when there is no chunk",
                        VCENTER,
                        Rule.FINISH,
                        w -> replace(
                                w,
                                "Chunks of 200 VMs",
                                "jsCode",
                                "return chunks.length ? chunks : [{ json: { chunk: null } }];",
                                "return chunks;")),
                broken(
                        "loop done without finish",
                        V3,
                        Rule.FINISH,
                        w -> outputs(w, "One chunk at a time").set(0, N8nWorkflow.MAPPER.createArrayNode())),
                broken(
                        "guest data dropped on a 500",
                        VCENTER,
                        Rule.GUEST_DATA,
                        w -> replace(
                                w,
                                "VMs, guest identity and placement",
                                "jsCode",
                                "'/guest/identity', [503]",
                                "'/guest/identity', [500, 503]")),
                broken(
                        "guest call error swallowed",
                        VCENTER,
                        Rule.GUEST_DATA,
                        w -> replace(
                                w,
                                "VMs, guest identity and placement",
                                "jsCode",
                                "catch (e) {\n",
                                "catch (e) {\n    return null;\n")),
                broken(
                        "Code node calls without the TLS option",
                        VCENTER,
                        Rule.TLS,
                        w -> replace(
                                w,
                                "VMs, guest identity and placement",
                                "jsCode",
                                "skipSslCertificateValidation: insecure,",
                                "")),
                broken(
                        "Code node ignoring the HTTP node's switch",
                        VCENTER,
                        Rule.TLS,
                        w -> replace(
                                w,
                                "End vCenter session",
                                "jsCode",
                                "$('vCenter session').params.options.allowUnauthorizedCerts === true",
                                "true")),
                broken(
                        "HTTP node ignoring SSL issues",
                        V4,
                        Rule.TLS,
                        w -> ((ObjectNode) params(w, "List VMs (v4 vmm, paged)").path("options"))
                                .put("allowUnauthorizedCerts", true)),
                broken(
                        "Ignore SSL Issues as an expression that says false",
                        V3,
                        Rule.TLS,
                        w -> ((ObjectNode) params(w, "List VMs (v3, paged)").path("options"))
                                .put("allowUnauthorizedCerts", "={{ false }}")),
                broken("vCenter session kept after a failure", VCENTER, Rule.VCENTER_SESSION, w -> {
                    removeNode(w, "End vCenter session after failure");
                    retarget(w, "Fail sync run", 0, "Stop: run failed");
                }),
                broken(
                        "vCenter session kept after the finish",
                        VCENTER,
                        Rule.VCENTER_SESSION,
                        w -> outputs(w, "Finish sync run").set(0, N8nWorkflow.MAPPER.createArrayNode())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaks")
    void eachBreakIsCaughtByItsRule(String what, String file, Rule rule, Consumer<ObjectNode> breakIt) {
        List<N8nWorkflow> workflows = new ArrayList<>();
        for (N8nWorkflow w : shipped()) {
            if (w.label().equals(file)) {
                ObjectNode copy = w.root().deepCopy();
                breakIt.accept(copy);
                workflows.add(N8nWorkflow.of(file, copy));
            } else {
                workflows.add(w);
            }
        }
        List<Finding> findings = N8nWorkflowRules.check(workflows);
        assertThat(findings).as(what).isNotEmpty().allSatisfy(f -> {
            assertThat(f.workflow()).isEqualTo(file);
            assertThat(f.rule()).isEqualTo(rule);
        });
    }

    static Arguments broken(String what, String file, Rule rule, Consumer<ObjectNode> breakIt) {
        return Arguments.of(what, file, rule, breakIt);
    }

    static ObjectNode node(ObjectNode workflow, String name) {
        for (JsonNode n : workflow.path("nodes")) {
            if (n.path("name").asText().equals(name)) {
                return (ObjectNode) n;
            }
        }
        throw new IllegalArgumentException("no node " + name);
    }

    static ObjectNode params(ObjectNode workflow, String name) {
        return (ObjectNode) node(workflow, name).path("parameters");
    }

    static ObjectNode credential(ObjectNode workflow, String name) {
        return (ObjectNode) node(workflow, name).path("credentials").elements().next();
    }

    static void replace(ObjectNode workflow, String name, String field, String from, String to) {
        String text = params(workflow, name).path(field).asText();
        assertThat(text).as(name + " " + field).contains(from);
        params(workflow, name).put(field, text.replace(from, to));
    }

    static ArrayNode outputs(ObjectNode workflow, String name) {
        return (ArrayNode) workflow.path("connections").path(name).path("main");
    }

    /** Points one output of a node at one other node instead. */
    static void retarget(ObjectNode workflow, String name, int output, String target) {
        ArrayNode to = N8nWorkflow.MAPPER.createArrayNode();
        to.addObject().put("node", target).put("type", "main").put("index", 0);
        outputs(workflow, name).set(output, to);
    }

    static void removeNode(ObjectNode workflow, String name) {
        ArrayNode nodes = (ArrayNode) workflow.path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).path("name").asText().equals(name)) {
                nodes.remove(i);
                ((ObjectNode) workflow.path("connections")).remove(name);
                return;
            }
        }
        throw new IllegalArgumentException("no node " + name);
    }

    static String webhookId(String file) {
        return N8nWorkflow.read(DIR.resolve(file))
                .ofType("webhook")
                .get(0)
                .path("webhookId")
                .asText();
    }
}
