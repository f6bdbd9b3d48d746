package io.infrasystem.commons.crud;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link WireEnum} as its lower-case wire value (the values the tables' check
 * constraints list).
 *
 * @param <E> the enum
 */
public abstract class WireEnumConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    /** @param type the enum (a subclass passes its constant, e.g. {@code super(RackStatus.class)}) */
    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E attribute) {
        return attribute == null ? null : attribute.wire();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : WireEnum.parse(type, column);
    }
}
