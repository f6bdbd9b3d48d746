package io.infrasystem.inventory.monitoring.rule;

import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;

/**
 * Where an alert rule sends: {@code email} (addresses; mail-gateway's email), {@code slack} or
 * {@code webhook} (a notification channel of mail-gateway of that kind, by name).
 */
public enum ChannelType implements WireEnum {
    EMAIL,
    SLACK,
    WEBHOOK;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
