package io.infrasystem.inventory.csv;

import io.infrasystem.commons.crud.WireEnum;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Formats values for CSV export, the way {@link CsvRow} reads them back. */
public final class Cells {

    private Cells() {}

    /**
     * @param value a cell's value
     * @return its text: a {@link io.infrasystem.commons.crud.WireEnum}'s wire value, a decimal
     *     without trailing zeros, a date as {@code YYYY-MM-DD}; {@code null} (an empty cell) for {@code null}
     */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof WireEnum wire) {
            return wire.wire();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }
}
