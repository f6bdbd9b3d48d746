package io.infrasystem.cert.host;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** What a host is. */
public enum HostType implements WireEnum {
    SERVER,
    LOAD_BALANCER,
    APPLIANCE,
    CLOUD,
    CONTAINER,
    OTHER;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static HostType of(String value) {
        return WireEnum.parse(HostType.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<HostType> {
        public Column() {
            super(HostType.class);
        }
    }
}
