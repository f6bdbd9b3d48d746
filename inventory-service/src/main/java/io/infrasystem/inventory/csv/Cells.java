package io.infrasystem.inventory.csv;

import io.infrasystem.commons.crud.WireEnum;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Formats values for CSV export, the way {@link CsvRow} reads them back. */
final class Cells {

    private Cells() {}

    static String of(Object value) {
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
