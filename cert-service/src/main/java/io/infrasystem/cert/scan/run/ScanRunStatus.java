package io.infrasystem.cert.scan.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** Where a scan run stands: {@code running}, then {@code completed} (every target tried, whatever each result). */
public enum ScanRunStatus implements WireEnum {
    RUNNING,
    COMPLETED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** @return the constant of a wire value; {@link IllegalArgumentException} naming the accepted ones */
    @JsonCreator
    public static ScanRunStatus of(String value) {
        return WireEnum.parse(ScanRunStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<ScanRunStatus> {
        public Column() {
            super(ScanRunStatus.class);
        }
    }
}
