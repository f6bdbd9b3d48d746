package io.infrasystem.cert.ignore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** How an ignore pattern matches: {@code exact} (case-insensitive), {@code glob} ({@code *} any run of characters, {@code ?} one) or {@code regex} (Java syntax, whole value, case-insensitive). */
public enum MatchType implements WireEnum {
    EXACT,
    GLOB,
    REGEX;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static MatchType of(String value) {
        return WireEnum.parse(MatchType.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<MatchType> {
        public Column() {
            super(MatchType.class);
        }
    }
}
