package io.infrasystem.cert.scan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** The protocol upgraded to TLS before the handshake, or {@code none} for direct TLS. */
public enum StartTls implements WireEnum {
    NONE,
    SMTP,
    IMAP,
    POP3;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static StartTls of(String value) {
        return WireEnum.parse(StartTls.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<StartTls> {
        public Column() {
            super(StartTls.class);
        }
    }
}
