package io.infrasystem.commons.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code PATCH} with JSON Merge Patch (RFC 7396, media type {@code application/merge-patch+json}):
 * the patch is merged into the resource's current input form (members set to {@code null} are
 * removed, so a record component becomes {@code null}, objects merge recursively, everything else replaces), then the result is read back as
 * the input type and validated with its Bean Validation constraints, so that {@code PATCH} ends in
 * the same path as {@code PUT}.
 */
@ApplicationScoped
public class MergePatch {

    /** Media type of a JSON Merge Patch body. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * @param current the resource's current input form (a record serialized with the service's
     *     snake_case mapper)
     * @param patch the merge patch, a JSON object
     * @param type the input type
     * @param <T> the input type
     * @return the patched and validated input
     * @throws ProblemException 400 when the patch is not an object, names an unknown field, has a
     *     value of the wrong type, or the result breaks a constraint (every field listed)
     */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "a merge patch must be a JSON object");
        }
        ObjectNode target = mapper.valueToTree(current);
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!target.has(name)) {
                throw ProblemException.invalid(name, "unknown field");
            }
        }
        T result;
        try {
            result = mapper.treeToValue(merge(target, patch), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "body",
                    "a value has the wrong type: "
                            + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
        validate(result);
        return result;
    }

    /**
     * @param value an input object
     * @param <T> its type
     * @throws ProblemException 400 listing every violated constraint with its snake_case field
     */
    public <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(snakeCase(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            throw ProblemException.invalid(errors);
        }
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
