package io.infrasystem.inventory.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an RFC 7386 JSON Merge Patch to the full input form of a resource and validates the
 * result with its Bean Validation constraints, so that {@code PATCH} ends in the same path as
 * {@code PUT}.
 */
@ApplicationScoped
public class MergePatch {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * @param current the resource's current input form (a record)
     * @param patch the merge patch, a JSON object
     * @param type the input record type
     * @return the patched and validated input
     * @throws ProblemException 400 when the patch is not an object, names an unknown field, has a
     *     value of the wrong type, or the result breaks a constraint (every field listed)
     */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "a merge patch must be a JSON object");
        }
        ObjectNode target = mapper.valueToTree(current);
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!target.has(name)) {
                throw ProblemException.invalid(name, "unknown field");
            }
        }
        JsonNode merged = merge(target, patch);
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalid("body", "a value has the wrong type: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("body", "a value has the wrong type: " + e.getMessage());
        }
        validate(result);
        return result;
    }

    /**
     * @param value an input record
     * @throws ProblemException 400 listing every violated constraint with its snake_case field
     */
    public <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(SNAKE.translate(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldError::field)).toList();
            throw ProblemException.invalid(errors);
        }
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.putNull(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
