package io.infrasystem.inventory.monitoring.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;

/** What raised an alert: a Zabbix problem, or a threshold of the suite. */
public enum AlertSource implements WireEnum {
    ZABBIX,
    THRESHOLD;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AlertSource of(String value) {
        return WireEnum.parse(AlertSource.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends io.infrasystem.commons.crud.WireEnumConverter<AlertSource> {
        public Column() {
            super(AlertSource.class);
        }
    }
}
