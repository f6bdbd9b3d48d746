package io.infrasystem.cert.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** What an application is. */
public enum ApplicationType implements WireEnum {
    WEB,
    API,
    MAIL,
    DATABASE,
    MIDDLEWARE,
    OTHER;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static ApplicationType of(String value) {
        return WireEnum.parse(ApplicationType.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<ApplicationType> {
        public Column() {
            super(ApplicationType.class);
        }
    }
}
