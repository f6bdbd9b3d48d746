package io.infrasystem.inventory.rack;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** Lifecycle of a rack, NetBox's values. */
public enum RackStatus implements WireEnum {
    RESERVED,
    AVAILABLE,
    PLANNED,
    ACTIVE,
    DEPRECATED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static RackStatus of(String value) {
        return WireEnum.parse(RackStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<RackStatus> {
        public Column() {
            super(RackStatus.class);
        }
    }
}
