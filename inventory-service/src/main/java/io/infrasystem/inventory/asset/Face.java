package io.infrasystem.inventory.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** The rack face an asset is mounted on. */
public enum Face implements WireEnum {
    FRONT,
    REAR;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static Face of(String value) {
        return WireEnum.parse(Face.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<Face> {
        public Column() {
            super(Face.class);
        }
    }
}
