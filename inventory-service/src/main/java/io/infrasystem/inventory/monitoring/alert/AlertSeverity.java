package io.infrasystem.inventory.monitoring.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import java.util.List;

/**
 * The suite's alert levels. Zabbix's six severities map onto them: not classified and information
 * to {@code info}, warning and average to {@code warning}, high and disaster to {@code critical};
 * the Zabbix name is kept as the alert's {@code source_severity}.
 */
public enum AlertSeverity implements WireEnum {
    INFO,
    WARNING,
    CRITICAL;

    /** Zabbix 6.0 severity names by number (0 … 5). */
    public static final List<String> ZABBIX_NAMES =
            List.of("not_classified", "information", "warning", "average", "high", "disaster");

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AlertSeverity of(String value) {
        return WireEnum.parse(AlertSeverity.class, value);
    }

    /**
     * @param zabbixSeverity 0 … 5 (out of range counts as not classified)
     * @return the suite's level
     */
    public static AlertSeverity fromZabbix(int zabbixSeverity) {
        if (zabbixSeverity >= 4) {
            return CRITICAL;
        }
        return zabbixSeverity >= 2 ? WARNING : INFO;
    }

    /** @return Zabbix's name of a severity number */
    public static String zabbixName(int zabbixSeverity) {
        return zabbixSeverity >= 0 && zabbixSeverity < ZABBIX_NAMES.size()
                ? ZABBIX_NAMES.get(zabbixSeverity)
                : ZABBIX_NAMES.get(0);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends io.infrasystem.commons.crud.WireEnumConverter<AlertSeverity> {
        public Column() {
            super(AlertSeverity.class);
        }
    }
}
