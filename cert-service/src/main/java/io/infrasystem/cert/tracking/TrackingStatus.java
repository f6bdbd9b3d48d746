package io.infrasystem.cert.tracking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** State of a lifecycle entry (a planned change of a certificate, tracked only). */
public enum TrackingStatus implements WireEnum {
    PLANNED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static TrackingStatus of(String value) {
        return WireEnum.parse(TrackingStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<TrackingStatus> {
        public Column() {
            super(TrackingStatus.class);
        }
    }
}
