package io.infrasystem.cert.host;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** The environment a host belongs to. */
public enum HostEnvironment implements WireEnum {
    PRODUCTION,
    STAGING,
    DEVELOPMENT,
    TEST,
    OTHER;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static HostEnvironment of(String value) {
        return WireEnum.parse(HostEnvironment.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<HostEnvironment> {
        public Column() {
            super(HostEnvironment.class);
        }
    }
}
