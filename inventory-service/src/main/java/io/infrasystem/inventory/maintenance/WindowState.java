package io.infrasystem.inventory.maintenance;

import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;

/** Where a maintenance window stands at the time it is read: derived from its start and end. */
public enum WindowState implements WireEnum {
    SCHEDULED,
    IN_PROGRESS,
    ENDED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
