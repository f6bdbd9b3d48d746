package io.infrasystem.inventory.monitoring.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;

/** How the suite logs in to a Zabbix API: an API token, or a user and password (session cached). */
public enum AuthMode implements WireEnum {
    TOKEN,
    PASSWORD;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AuthMode of(String value) {
        return WireEnum.parse(AuthMode.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends io.infrasystem.commons.crud.WireEnumConverter<AuthMode> {
        public Column() {
            super(AuthMode.class);
        }
    }
}
