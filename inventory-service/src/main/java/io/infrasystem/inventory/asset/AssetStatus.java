package io.infrasystem.inventory.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** Lifecycle of an asset, from order to disposal. */
public enum AssetStatus implements WireEnum {
    PLANNED,
    ACTIVE,
    MAINTENANCE,
    OFFLINE,
    DECOMMISSIONED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AssetStatus of(String value) {
        return WireEnum.parse(AssetStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<AssetStatus> {
        public Column() {
            super(AssetStatus.class);
        }
    }
}
