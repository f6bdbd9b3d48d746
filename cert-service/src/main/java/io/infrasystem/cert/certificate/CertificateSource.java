package io.infrasystem.cert.certificate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** How the suite learnt of a certificate: a TLS {@code scan} or an {@code upload}. */
public enum CertificateSource implements WireEnum {
    SCAN,
    UPLOAD;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static CertificateSource of(String value) {
        return WireEnum.parse(CertificateSource.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<CertificateSource> {
        public Column() {
            super(CertificateSource.class);
        }
    }
}
