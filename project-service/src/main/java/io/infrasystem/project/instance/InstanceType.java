package io.infrasystem.project.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** Kind of Odoo instance: {@code production}, {@code staging}, {@code development} (the seed's PRODUCTION, STAGING, DEVELOPMENT; input accepts any case). */
public enum InstanceType implements WireEnum {
    PRODUCTION,
    STAGING,
    DEVELOPMENT;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static InstanceType of(String value) {
        return WireEnum.parse(InstanceType.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<InstanceType> {
        public Column() {
            super(InstanceType.class);
        }
    }
}
