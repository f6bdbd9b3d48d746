package io.infrasystem.commons.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed field of a resource, as events and the audit log carry it.
 *
 * @param field JSON field name, dotted for nested objects ({@code placement.position})
 * @param old value before the change, JSON {@code null} when there was none
 * @param newValue value after the change, JSON {@code null} when there is none (serialized as {@code new})
 */
public record FieldChange(
        String field,
        JsonNode old,

        @com.fasterxml.jackson.annotation.JsonProperty("new")
        JsonNode newValue) {}
