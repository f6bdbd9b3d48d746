package io.infrasystem.cert.domain.rdap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/**
 * The outcome of the last RDAP query of a domain: {@code ok} (the answer was stored),
 * {@code not_found} (404: the registry does not know the name), {@code rate_limited} (429),
 * {@code malformed} (not JSON, or not a domain object for this name), {@code error} (another HTTP
 * status, a timeout, a network error), {@code no_server} (the bootstrap file names no RDAP server
 * for the TLD), {@code refused} (the outbound guard refused the server's address). Only
 * {@code ok} changes the stored registration data.
 */
public enum RdapResult implements WireEnum {
    OK,
    NOT_FOUND,
    RATE_LIMITED,
    MALFORMED,
    ERROR,
    NO_SERVER,
    REFUSED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static RdapResult of(String value) {
        return WireEnum.parse(RdapResult.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<RdapResult> {
        public Column() {
            super(RdapResult.class);
        }
    }
}
