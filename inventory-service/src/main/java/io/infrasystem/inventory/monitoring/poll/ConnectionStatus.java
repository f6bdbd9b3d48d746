package io.infrasystem.inventory.monitoring.poll;

import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixException;

/** Where a Zabbix connection stands after its last poll or connection test. */
public enum ConnectionStatus implements WireEnum {
    /** Never polled. */
    UNKNOWN,
    /** The last poll succeeded. */
    UP,
    /** Zabbix did not answer (after the retries): alerts are imported once it is back. */
    DOWN,
    /** Zabbix refused the token or the login. */
    AUTH_FAILED,
    /** Zabbix answered with an error, or the URL must not be called. */
    ERROR;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the status a failure of this kind leaves */
    public static ConnectionStatus of(ZabbixException.Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> DOWN;
            case AUTH -> AUTH_FAILED;
            case API, REFUSED -> ERROR;
        };
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends io.infrasystem.commons.crud.WireEnumConverter<ConnectionStatus> {
        public Column() {
            super(ConnectionStatus.class);
        }
    }
}
