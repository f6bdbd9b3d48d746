package io.infrasystem.vm.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules the n8n workflows of {@code deploy/n8n/} keep (issue 16), checked on the export files
 * without an n8n: each rule answers findings instead of failing at the first, so that a test can show
 * which rule a bad workflow breaks. Node names are those the shipped files use and their README
 * documents ("Settings", "Run id", "Source", "Fail sync run", "Finish sync run").
 */
final class N8nWorkflowRules {

    /** What a finding is about. */
    enum Rule {
        /** the Webhook node has a fixed {@code webhookId} and Header Auth (documented URL after import) */
        WEBHOOK_ID,
        /** no two workflows share a webhook id or path */
        WEBHOOK_UNIQUE,
        /** credentials are named as documented, bound by name only, vm-service called through its key */
        CREDENTIALS,
        /** no {@code $env} or {@code process.env} (blocked by default on n8n 2.x) */
        NO_ENV,
        /** webhook, schedule and manual trigger, all leading to the Settings node */
        TRIGGERS,
        /** nothing is posted without a valid run id */
        RUN_ID_GUARD,
        /** every failure once the run id is known fails the run ({@code /fail}) and the execution */
        FAILURE_PATH,
        /** chunks go one at a time through a Loop Over Items of one, never with HTTP node batching */
        SEQUENTIAL_CHUNKS,
        /** the run is finished once, also when there is no chunk */
        FINISH,
        /**
         * hypervisor calls check TLS: the HTTP nodes' "Ignore SSL Issues" off and never an expression (n8n
         * declares it {@code noDataExpression}; 1.123.50 takes an expression there as on, whatever it
         * evaluates to), and Code nodes calling out follow that switch
         */
        TLS,
        /** only a 503 of a vCenter guest call means "no guest data"; errors are never swallowed */
        GUEST_DATA,
        /** a vCenter session is deleted after the finish and after a failure */
        VCENTER_SESSION
    }

    /**
     * One broken rule.
     *
     * @param workflow the workflow's label
     * @param rule the rule
     * @param detail what is wrong, naming the node
     */
    record Finding(String workflow, Rule rule, String detail) {
        @Override
        public String toString() {
            return workflow + ": " + rule + ": " + detail;
        }
    }

    /** Credential name → n8n credential type, as deploy/n8n/README.md documents them. */
    static final Map<String, String> CREDENTIALS = Map.of(
            "vm-service trigger", "httpHeaderAuth",
            "vm-service API key", "httpHeaderAuth",
            "vCenter", "httpBasicAuth",
            "Prism Central", "httpBasicAuth");

    static final String SETTINGS = "Settings";
    static final String RUN_ID = "Run id";
    static final String FAIL = "Fail sync run";
    static final String FINISH = "Finish sync run";
    /** How a Code node follows the "Ignore SSL Issues" switch of the HTTP node that reads the same hypervisor. */
    static final String FOLLOWS_SWITCH = ".params.options.allowUnauthorizedCerts === true";

    private static final Pattern CATCH = Pattern.compile("catch\\s*(\\([^)]*\\))?\\s*\\{\\s*([^;\\n]*;?)");

    private N8nWorkflowRules() {}

    /**
     * @param workflows the workflows one n8n instance is to import together
     * @return what each breaks, then the ids and paths they share; empty when all keep every rule
     */
    static List<Finding> check(List<N8nWorkflow> workflows) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        for (N8nWorkflow w : workflows) {
            out.addAll(check(w));
            for (JsonNode hook : w.ofType("webhook")) {
                String id = hook.path("webhookId").asText();
                String path = hook.path("parameters").path("path").asText();
                String before = id.isEmpty() ? null : ids.putIfAbsent(id, w.label());
                if (before != null) {
                    out.add(new Finding(
                            w.label(), Rule.WEBHOOK_UNIQUE, "webhookId " + id + " is also " + before + "'s"));
                }
                before = paths.putIfAbsent(path, w.label());
                if (before != null) {
                    out.add(new Finding(w.label(), Rule.WEBHOOK_UNIQUE, "path " + path + " is also " + before + "'s"));
                }
            }
        }
        return out;
    }

    /**
     * @param w one workflow
     * @return what it breaks; empty when it keeps every rule
     */
    static List<Finding> check(N8nWorkflow w) {
        List<Finding> out = new ArrayList<>();
        webhook(w, out);
        credentials(w, out);
        if (w.root().toString().contains("$env") || w.root().toString().contains("process.env")) {
            out.add(new Finding(w.label(), Rule.NO_ENV, "reads environment variables ($env or process.env)"));
        }
        triggers(w, out);
        runIdGuard(w, out);
        failurePath(w, out);
        chunks(w, out);
        tls(w, out);
        guestData(w, out);
        vcenterSession(w, out);
        return out;
    }

    private static void add(List<Finding> out, N8nWorkflow w, Rule rule, String detail) {
        out.add(new Finding(w.label(), rule, detail));
    }

    private static void webhook(N8nWorkflow w, List<Finding> out) {
        List<JsonNode> hooks = w.ofType("webhook");
        if (hooks.size() != 1) {
            add(out, w, Rule.WEBHOOK_ID, hooks.size() + " Webhook nodes, expected 1");
        }
        for (JsonNode hook : hooks) {
            String name = hook.path("name").asText();
            // without it n8n registers /webhook/<workflow id>/<node>/<path> after an import
            if (!hook.path("webhookId")
                    .asText()
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                add(out, w, Rule.WEBHOOK_ID, name + " has no fixed webhookId (a UUID)");
            }
            if (hook.path("parameters").path("path").asText().isBlank()) {
                add(out, w, Rule.WEBHOOK_ID, name + " has no path");
            }
            if (!hook.path("parameters").path("authentication").asText().equals("headerAuth")) {
                add(out, w, Rule.WEBHOOK_ID, name + " does not check Header Auth");
            }
        }
    }

    private static void credentials(N8nWorkflow w, List<Finding> out) {
        for (JsonNode n : w.nodes().values()) {
            String name = n.path("name").asText();
            n.path("credentials").properties().forEach(c -> {
                String cred = c.getValue().path("name").asText();
                if (!c.getKey().equals(CREDENTIALS.get(cred))) {
                    add(
                            out,
                            w,
                            Rule.CREDENTIALS,
                            name + " uses " + c.getKey() + " '" + cred + "', not a documented credential");
                }
                // an id binds to one n8n instance; the name resolves at import
                if (!c.getValue().path("id").asText().isEmpty()) {
                    add(out, w, Rule.CREDENTIALS, name + " names its credential by id");
                }
            });
            boolean callsVmService = n.path("type").asText().endsWith(".httpRequest")
                    && n.path("parameters").path("url").asText().contains("/api/vm/");
            if (callsVmService
                    && !n.path("credentials")
                            .path("httpHeaderAuth")
                            .path("name")
                            .asText()
                            .equals("vm-service API key")) {
                add(out, w, Rule.CREDENTIALS, name + " calls vm-service without the 'vm-service API key' credential");
            }
        }
    }

    private static void triggers(N8nWorkflow w, List<Finding> out) {
        for (String type : List.of("webhook", "scheduleTrigger", "manualTrigger")) {
            List<JsonNode> found = w.ofType(type);
            if (found.size() != 1) {
                add(out, w, Rule.TRIGGERS, found.size() + " " + type + " nodes, expected 1");
            } else if (!w.targets(found.get(0).path("name").asText(), 0).equals(List.of(SETTINGS))) {
                add(out, w, Rule.TRIGGERS, found.get(0).path("name").asText() + " does not lead to " + SETTINGS);
            }
        }
        if (!w.is(SETTINGS, "code") || !w.param(SETTINGS, "jsCode").contains("/* settings */")) {
            add(out, w, Rule.TRIGGERS, "no Code node '" + SETTINGS + "' with a /* settings */ block");
        }
    }

    private static void runIdGuard(N8nWorkflow w, List<Finding> out) {
        if (!w.is(RUN_ID, "code")) {
            add(out, w, Rule.RUN_ID_GUARD, "no Code node '" + RUN_ID + "' checking the run id");
            return;
        }
        String code = w.param(RUN_ID, "jsCode");
        if (!code.contains("/^[1-9][0-9]") || !code.contains("fail('no sync run id")) {
            add(out, w, Rule.RUN_ID_GUARD, RUN_ID + " does not stop the execution without a numeric run id");
        }
        // the guard must stop the execution: nothing to fail before there is a run
        if (w.nodes().get(RUN_ID).has("onError")) {
            add(out, w, Rule.RUN_ID_GUARD, RUN_ID + " continues on error");
        }
        // every vm-service call a trigger can reach, but the one opening the run, comes after the guard
        Set<String> started = new HashSet<>();
        for (String type : List.of("webhook", "scheduleTrigger", "manualTrigger")) {
            w.ofType(type)
                    .forEach(t -> started.addAll(w.downstream(t.path("name").asText())));
        }
        for (String node : started) {
            String url = w.type(node).endsWith(".httpRequest") ? w.param(node, "url") : "";
            if (url.contains("/api/vm/")
                    && !url.endsWith("/api/vm/sync-runs")
                    && !w.downstream(RUN_ID).contains(node)) {
                add(
                        out,
                        w,
                        Rule.RUN_ID_GUARD,
                        node + " calls vm-service with a run id that " + RUN_ID + " did not check");
            }
        }
    }

    private static void failurePath(N8nWorkflow w, List<Finding> out) {
        if (!w.is(FAIL, "httpRequest")) {
            add(out, w, Rule.FAILURE_PATH, "no HTTP node '" + FAIL + "'");
            return;
        }
        if (!w.param(FAIL, "method").equals("POST") || !w.param(FAIL, "url").endsWith("/fail")) {
            add(out, w, Rule.FAILURE_PATH, FAIL + " does not POST /api/vm/sync-runs/{id}/fail");
        }
        if (!w.param(FAIL, "jsonBody").contains("error")) {
            add(out, w, Rule.FAILURE_PATH, FAIL + " sends no error");
        }
        // vm-service down or refusing: the execution must still stop as failed (and end a vCenter session)
        if (!w.nodes().get(FAIL).path("onError").asText().equals("continueRegularOutput")) {
            add(out, w, Rule.FAILURE_PATH, FAIL + " stops on its own error, before the nodes after it");
        }
        if (!w.nodes().get(FAIL).path("executeOnce").asBoolean()) {
            add(out, w, Rule.FAILURE_PATH, FAIL + " may run once per failed item");
        }
        if (w.reachable(FAIL).stream().noneMatch(n -> w.is(n, "stopAndError"))) {
            add(
                    out,
                    w,
                    Rule.FAILURE_PATH,
                    FAIL + " does not lead to a Stop and Error node: the execution would succeed");
        }
        Set<String> failing = w.reachable(FAIL);
        for (String node : w.reachable(RUN_ID)) {
            boolean worker =
                    w.type(node).endsWith(".httpRequest") || w.type(node).endsWith(".code");
            if (!worker || node.equals(RUN_ID) || failing.contains(node) || isSessionEnd(w, node)) {
                continue;
            }
            if (!w.nodes().get(node).path("onError").asText().equals("continueErrorOutput")
                    || !w.targets(node, 1).equals(List.of(FAIL))) {
                add(out, w, Rule.FAILURE_PATH, node + " does not send its errors to " + FAIL);
            }
        }
    }

    /** @return whether the node deletes a vCenter session: an HTTP node, or a Code node calling out */
    private static boolean isSessionEnd(N8nWorkflow w, String node) {
        if (w.type(node).endsWith(".code")) {
            return w.param(node, "jsCode").contains("method: 'DELETE', url: src.url + '/api/session'");
        }
        return w.type(node).endsWith(".httpRequest")
                && w.param(node, "method").equals("DELETE")
                && w.param(node, "url").endsWith("/api/session");
    }

    private static void chunks(N8nWorkflow w, List<Finding> out) {
        List<String> posts = w.nodes().keySet().stream()
                .filter(n ->
                        w.type(n).endsWith(".httpRequest") && w.param(n, "url").contains("/api/vm/sync/"))
                .toList();
        List<JsonNode> loops = w.ofType("splitInBatches");
        if (posts.size() != 1 || loops.size() != 1) {
            add(
                    out,
                    w,
                    Rule.SEQUENTIAL_CHUNKS,
                    posts.size() + " chunk posts and " + loops.size() + " loops, expected 1 each");
            if (!w.is(FINISH, "httpRequest") || !w.param(FINISH, "url").endsWith("/finish")) {
                add(out, w, Rule.FINISH, "no HTTP node '" + FINISH + "' posting /finish");
            }
            return;
        }
        String post = posts.get(0);
        String loop = loops.get(0).path("name").asText();
        if (loops.get(0).path("parameters").path("batchSize").asInt() != 1) {
            add(out, w, Rule.SEQUENTIAL_CHUNKS, loop + " hands over more than one chunk at a time");
        }
        if (w.nodes().get(post).path("parameters").path("options").has("batching")) {
            add(out, w, Rule.SEQUENTIAL_CHUNKS, post + " batches its items (n8n sends them all at once)");
        }
        // the post is reached only through the loop's "loop" output, and its answer returns to the loop
        if (!w.reachable(
                        w.targets(loop, 1).isEmpty() ? loop : w.targets(loop, 1).get(0))
                .contains(post)) {
            add(out, w, Rule.SEQUENTIAL_CHUNKS, loop + " does not feed " + post);
        }
        if (w.reachable(RUN_ID, Set.of(loop + "#1")).contains(post)) {
            add(out, w, Rule.SEQUENTIAL_CHUNKS, post + " is reached other than one chunk at a time through " + loop);
        }
        if (!w.targets(post, 0).equals(List.of(loop))) {
            add(out, w, Rule.SEQUENTIAL_CHUNKS, post + " does not return to " + loop + " before the next chunk");
        }
        if (!w.targets(loop, 0).equals(List.of(FINISH))
                || !w.is(FINISH, "httpRequest")
                || !w.param(FINISH, "url").endsWith("/finish")) {
            add(out, w, Rule.FINISH, loop + "'s done output does not lead to " + FINISH + " alone");
        } else if (!w.nodes().get(FINISH).path("executeOnce").asBoolean()) {
            add(out, w, Rule.FINISH, FINISH + " may run once per item");
        }
        // with no chunk at all the loop still needs an item, or the run would stay open
        for (String feeder : w.links().keySet()) {
            boolean feeds = w.links().get(feeder).stream().anyMatch(t -> t.contains(loop));
            boolean loopBack = w.reachable(loop).contains(feeder);
            if (feeds && !loopBack && !w.param(feeder, "jsCode").contains("chunk: null")) {
                add(out, w, Rule.FINISH, feeder + " hands no item to " + loop + " when there is no chunk");
            }
        }
    }

    private static void tls(N8nWorkflow w, List<Finding> out) {
        for (String node : w.nodes().keySet()) {
            if (w.type(node).endsWith(".httpRequest") && !w.param(node, "url").contains("/api/vm/")) {
                JsonNode ignore =
                        w.nodes().get(node).path("parameters").path("options").path("allowUnauthorizedCerts");
                if (ignore.isTextual()) {
                    add(
                            out,
                            w,
                            Rule.TLS,
                            node + " sets Ignore SSL Issues by an expression (not evaluated: it counts as on)");
                } else if (ignore.asBoolean(false)) {
                    add(out, w, Rule.TLS, node + " ignores SSL issues");
                }
            }
            String code = w.type(node).endsWith(".code") ? w.param(node, "jsCode") : "";
            if (code.contains("helpers.httpRequest")
                    && (!code.contains("skipSslCertificateValidation") || !code.contains(FOLLOWS_SWITCH))) {
                add(
                        out,
                        w,
                        Rule.TLS,
                        node + " calls out without following the Ignore SSL Issues switch of its HTTP node");
            }
        }
    }

    private static void guestData(N8nWorkflow w, List<Finding> out) {
        for (String node : w.nodes().keySet()) {
            String code = w.type(node).endsWith(".code") ? w.param(node, "jsCode") : "";
            if (!code.contains("/guest/")) {
                continue;
            }
            for (String call : List.of("'/guest/identity', [503]", "'/guest/networking/interfaces', [503]")) {
                if (!code.contains(call)) {
                    add(out, w, Rule.GUEST_DATA, node + " does not read " + call + " (only a 503 means no guest data)");
                }
            }
            // an error caught must fail the run, never become "no data"
            Matcher m = CATCH.matcher(code);
            while (m.find()) {
                if (!m.group(2).startsWith("fail(") && !m.group(2).startsWith("throw ")) {
                    add(out, w, Rule.GUEST_DATA, node + " swallows an error: catch { " + m.group(2) + " }");
                }
            }
        }
    }

    private static void vcenterSession(N8nWorkflow w, List<Finding> out) {
        boolean vcenter = w.nodes().values().stream()
                .anyMatch(n -> n.path("credentials")
                        .path("httpBasicAuth")
                        .path("name")
                        .asText()
                        .equals("vCenter"));
        if (!vcenter) {
            return;
        }
        boolean afterFinish = w.reachable(FINISH).stream().anyMatch(n -> isSessionEnd(w, n));
        boolean afterFailure = w.reachable(FAIL).stream().anyMatch(n -> isSessionEnd(w, n));
        if (!afterFinish || !afterFailure) {
            add(
                    out,
                    w,
                    Rule.VCENTER_SESSION,
                    "the vCenter session is not deleted (DELETE /api/session) after "
                            + (afterFinish
                                    ? "a failure"
                                    : afterFailure ? "the finish" : "the finish nor after a failure"));
        }
    }
}
