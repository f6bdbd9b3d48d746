package io.infrasystem.project.project;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrasystem.commons.crud.WireEnum;
import io.infrasystem.commons.crud.WireEnumConverter;

/** Lifecycle of a project: {@code active}, {@code on_hold}, {@code closed}. */
public enum ProjectStatus implements WireEnum {
    ACTIVE,
    ON_HOLD,
    CLOSED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static ProjectStatus of(String value) {
        return WireEnum.parse(ProjectStatus.class, value);
    }

    /** JPA converter to the lower-case column value. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WireEnumConverter<ProjectStatus> {
        public Column() {
            super(ProjectStatus.class);
        }
    }
}
