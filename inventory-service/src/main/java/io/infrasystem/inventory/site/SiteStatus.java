package io.infrasystem.inventory.site;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;

/** Lifecycle of a site, NetBox's values. */
public enum SiteStatus implements WireEnum {
    PLANNED,
    STAGING,
    ACTIVE,
    DECOMMISSIONING,
    RETIRED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static SiteStatus of(String value) {
        return WireEnum.parse(SiteStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends io.infrasystem.commons.crud.WireEnumConverter<SiteStatus> {
        public Column() {
            super(SiteStatus.class);
        }
    }
}
