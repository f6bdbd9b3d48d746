package io.infrasystem.inventory.rack;

import java.math.BigDecimal;

/** Arithmetic on rack units (1U = 44.45 mm), which the inventory counts in steps of 0.5. */
public final class RackUnits {

    private RackUnits() {}

    /** @return whether {@code value} is 0 or more and a multiple of 0.5 */
    public static boolean isHalfStep(BigDecimal value) {
        BigDecimal doubled = value.multiply(BigDecimal.TWO);
        return value.signum() >= 0 && doubled.stripTrailingZeros().scale() <= 0;
    }
}
