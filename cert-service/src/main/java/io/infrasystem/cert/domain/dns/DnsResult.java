package io.infrasystem.cert.domain.dns;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/**
 * The outcome of a domain's last DNS lookup: {@code ok} (the records were stored), {@code nxdomain}
 * (the name does not exist: its records were removed, with history), {@code error} (a timeout,
 * SERVFAIL, REFUSED: nothing was changed).
 */
public enum DnsResult implements WireEnum {
    OK,
    NXDOMAIN,
    ERROR;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static DnsResult of(String value) {
        return WireEnum.parse(DnsResult.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<DnsResult> {
        public Column() {
            super(DnsResult.class);
        }
    }
}
