package io.infrasystem.project.health;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** The outcome of a probe: {@code up} (a JSON-RPC result with a server version) or {@code down}. */
public enum HealthStatus implements WireEnum {
    UP,
    DOWN;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static HealthStatus of(String value) {
        return WireEnum.parse(HealthStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<HealthStatus> {
        public Column() {
            super(HealthStatus.class);
        }
    }
}
