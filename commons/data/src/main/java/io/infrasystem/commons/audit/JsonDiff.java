package io.infrasystem.commons.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-by-field difference of two JSON objects: nested objects are compared field by field under
 * dotted names; arrays and scalars are compared whole. Ignored field names (such as
 * {@code updated_at} and {@code version}, which every write changes) are skipped at any depth.
 */
final class JsonDiff {

    private JsonDiff() {}

    static List<FieldChange> diff(JsonNode before, JsonNode after, Set<String> ignored) {
        List<FieldChange> changes = new ArrayList<>();
        walk("", nullToEmpty(before), nullToEmpty(after), ignored, changes);
        return changes;
    }

    private static void walk(
            String prefix, JsonNode before, JsonNode after, Set<String> ignored, List<FieldChange> changes) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (ignored.contains(name)) {
                continue;
            }
            JsonNode old = before.path(name).isMissingNode() ? NullNode.getInstance() : before.get(name);
            JsonNode now = after.path(name).isMissingNode() ? NullNode.getInstance() : after.get(name);
            String field = prefix.isEmpty() ? name : prefix + "." + name;
            if (old.isObject() && now.isObject()) {
                walk(field, old, now, ignored, changes);
            } else if (!old.equals(now)) {
                changes.add(new FieldChange(field, old, now));
            }
        }
    }

    private static JsonNode nullToEmpty(JsonNode node) {
        return node == null || node.isNull()
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : node;
    }
}
