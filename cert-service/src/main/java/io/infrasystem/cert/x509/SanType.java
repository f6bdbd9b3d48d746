package io.infrasystem.cert.x509;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/**
 * The kind of a subject alternative name (RFC 5280 §4.2.1.6): {@code dns} (dNSName), {@code ip}
 * (iPAddress), {@code email} (rfc822Name), {@code uri} (uniformResourceIdentifier) and {@code other}
 * (directoryName, otherName, registeredID, x400Address, ediPartyName).
 */
public enum SanType implements WireEnum {
    DNS,
    IP,
    EMAIL,
    URI,
    OTHER;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static SanType of(String value) {
        return WireEnum.parse(SanType.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<SanType> {
        public Column() {
            super(SanType.class);
        }
    }
}
