package io.infrasystem.cert.binding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** What serves a certificate at a binding (the seed's platforms). */
public enum Platform implements WireEnum {
    LOAD_BALANCER,
    WEB_SERVER,
    MAIL,
    PROXY,
    APPLICATION,
    OTHER;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static Platform of(String value) {
        return WireEnum.parse(Platform.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<Platform> {
        public Column() {
            super(Platform.class);
        }
    }
}
