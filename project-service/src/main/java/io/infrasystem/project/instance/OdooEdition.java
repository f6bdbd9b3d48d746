package io.infrasystem.project.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** Odoo edition of an instance: {@code community} or {@code enterprise}. */
public enum OdooEdition implements WireEnum {
    COMMUNITY,
    ENTERPRISE;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static OdooEdition of(String value) {
        return WireEnum.parse(OdooEdition.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<OdooEdition> {
        public Column() {
            super(OdooEdition.class);
        }
    }
}
