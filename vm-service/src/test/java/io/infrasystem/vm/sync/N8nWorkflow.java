package io.infrasystem.vm.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One n8n workflow export (the JSON that "Download" or {@code n8n export:workflow} writes: {@code nodes}
 * with {@code name}, {@code type}, {@code parameters}, optional {@code onError}, {@code executeOnce},
 * {@code webhookId}, {@code credentials}; {@code connections} as node name → {@code main} → output
 * index → targets), read as a graph for {@link N8nWorkflowRules}.
 *
 * @param label what the rules name in their findings (the file name)
 * @param root the parsed document
 * @param nodes the nodes by name, in file order
 * @param links node name → output index → names of the nodes that output feeds
 */
record N8nWorkflow(String label, JsonNode root, Map<String, JsonNode> nodes, Map<String, List<List<String>>> links) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param file a workflow export
     * @return it, labelled with its file name
     * @throws IllegalStateException when it cannot be read or is not JSON
     */
    static N8nWorkflow read(Path file) {
        try {
            return of(file.getFileName().toString(), MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the workflow " + file, e);
        }
    }

    /**
     * @param label what findings name
     * @param root a workflow export (changed copies are fine: the graph is built from it as it is)
     * @return the workflow
     */
    static N8nWorkflow of(String label, JsonNode root) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        root.path("nodes").forEach(n -> nodes.put(n.path("name").asText(), n));
        Map<String, List<List<String>>> links = new LinkedHashMap<>();
        root.path("connections").properties().forEach(e -> {
            List<List<String>> outputs = new ArrayList<>();
            e.getValue().path("main").forEach(out -> {
                List<String> targets = new ArrayList<>();
                out.forEach(t -> targets.add(t.path("node").asText()));
                outputs.add(targets);
            });
            links.put(e.getKey(), outputs);
        });
        return new N8nWorkflow(label, root, nodes, links);
    }

    /** @return the names fed by one output of a node (empty when the output is not connected) */
    List<String> targets(String node, int output) {
        List<List<String>> outs = links.getOrDefault(node, List.of());
        return output < outs.size() ? outs.get(output) : List.of();
    }

    /** @return the nodes of one type, {@code type} without the {@code n8n-nodes-base.} prefix */
    List<JsonNode> ofType(String type) {
        return nodes.values().stream()
                .filter(n -> n.path("type").asText().equals("n8n-nodes-base." + type))
                .toList();
    }

    /** @return whether the node exists and is of that type (without the prefix) */
    boolean is(String node, String type) {
        return nodes.containsKey(node) && type(node).equals("n8n-nodes-base." + type);
    }

    String type(String node) {
        return nodes.get(node).path("type").asText();
    }

    /** @return a parameter of a node as text ("" when absent) */
    String param(String node, String field) {
        return nodes.get(node).path("parameters").path(field).asText();
    }

    /**
     * The nodes reachable from {@code start} the way data flows when nothing fails: output 0 of every
     * node, and every output of IF and Loop Over Items nodes (both branches carry data); an error
     * output (output 1 of a node with {@code onError: continueErrorOutput}) is not followed.
     *
     * @param cut outputs not to follow, as {@code "<node>#<index>"}
     * @return the names reached, {@code start} included (empty when it does not exist)
     */
    Set<String> reachable(String start, Set<String> cut) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!nodes.containsKey(n) || !seen.add(n)) {
                continue;
            }
            boolean branching = type(n).endsWith(".if") || type(n).endsWith(".splitInBatches");
            int outputs = branching ? links.getOrDefault(n, List.of()).size() : 1;
            for (int i = 0; i < outputs; i++) {
                if (!cut.contains(n + "#" + i)) {
                    todo.addAll(targets(n, i));
                }
            }
        }
        return seen;
    }

    /** @return {@link #reachable(String, Set)} without cuts */
    Set<String> reachable(String start) {
        return reachable(start, Set.of());
    }

    /** @return the nodes reachable from {@code start} through any output, error outputs included */
    Set<String> downstream(String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (nodes.containsKey(n) && seen.add(n)) {
                links.getOrDefault(n, List.of()).forEach(todo::addAll);
            }
        }
        return seen;
    }
}
