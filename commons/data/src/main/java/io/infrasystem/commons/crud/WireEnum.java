package io.infrasystem.commons.crud;

import java.util.Arrays;
import java.util.Locale;

/**
 * An enum whose API and database spelling is its lower-case constant name ({@code ACTIVE} is
 * {@code "active"}), as NetBox spells its choice values.
 */
public interface WireEnum {

    /** @return the constant name */
    String name();

    /** @return the lower-case value used in JSON, CSV and the database */
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param type the enum
     * @param value a wire value, any case
     * @return the constant
     * @throws IllegalArgumentException naming the accepted values when {@code value} is not one
     */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList());
    }
}
