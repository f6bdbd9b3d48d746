package io.infrasystem.inventory.devicetype;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** What kind of hardware a device type is. */
public enum DeviceCategory implements WireEnum {
    SERVER,
    SWITCH,
    ROUTER,
    FIREWALL,
    STORAGE,
    PDU,
    PATCH_PANEL,
    OTHER;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static DeviceCategory of(String value) {
        return WireEnum.parse(DeviceCategory.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<DeviceCategory> {
        public Column() {
            super(DeviceCategory.class);
        }
    }
}
