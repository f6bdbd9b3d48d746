package io.infrasystem.project.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** State of an instance: {@code active}, {@code inactive}, {@code archived}. */
public enum InstanceStatus implements WireEnum {
    ACTIVE,
    INACTIVE,
    ARCHIVED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static InstanceStatus of(String value) {
        return WireEnum.parse(InstanceStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<InstanceStatus> {
        public Column() {
            super(InstanceStatus.class);
        }
    }
}
