package io.infrasystem.inventory.asset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text columns ({@code other_ips}, {@code custom_fields}) read and written whole. */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {}

    /** @return the JSON array text, {@code null} for an empty or absent list */
    public static String ofList(List<String> values) {
        return values == null || values.isEmpty() ? null : write(values);
    }

    /** @return the list held by a column, empty for {@code null} */
    public static List<String> list(String column) {
        return column == null ? List.of() : read(column, new TypeReference<List<String>>() {});
    }

    /** @return the JSON object text, {@code null} for an empty or absent map */
    public static String ofMap(Map<String, Object> values) {
        return values == null || values.isEmpty() ? null : write(new java.util.TreeMap<>(values));
    }

    /** @return the map held by a column, empty for {@code null} */
    public static Map<String, Object> map(String column) {
        return column == null ? Map.of() : read(column, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value cannot be written as JSON", e);
        }
    }

    private static <T> T read(String column, TypeReference<T> type) {
        try {
            return MAPPER.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON column is not valid", e);
        }
    }
}
