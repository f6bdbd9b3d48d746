package io.infrasystem.inventory.monitoring.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;

/** Where an alert stands in the inbox. */
public enum AlertStatus implements WireEnum {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AlertStatus of(String value) {
        return WireEnum.parse(AlertStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends io.infrasystem.commons.crud.WireEnumConverter<AlertStatus> {
        public Column() {
            super(AlertStatus.class);
        }
    }
}
