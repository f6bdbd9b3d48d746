package io.infrasystem.cert.certificate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** Where a certificate stands: {@code valid}, {@code expiring} (ends within the configured window, {@code infra.cert.expiring-days}), {@code expired}, or {@code replaced} (a successor was seen at one of its bindings). The seed's active, pending renewal and expired. */
public enum CertificateStatus implements WireEnum {
    VALID,
    EXPIRING,
    EXPIRED,
    REPLACED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static CertificateStatus of(String value) {
        return WireEnum.parse(CertificateStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<CertificateStatus> {
        public Column() {
            super(CertificateStatus.class);
        }
    }
}
