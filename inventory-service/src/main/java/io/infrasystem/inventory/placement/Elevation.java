package io.infrasystem.inventory.placement;

import io.infrasystem.inventory.asset.Face;
import java.math.BigDecimal;
import java.util.List;

/**
 * One face of a rack, unit by unit, in the order to draw it from the top: descending unit
 * numbers for an ascending rack, ascending numbers for a rack with {@code desc_units}.
 *
 * @param units every unit of the rack
 * @param zeroU assets in the rack without a position (zero-U PDUs, unmounted gear)
 */
public record Elevation(
        long rackId,
        String rackName,
        Face face,
        int uHeight,
        int startingUnit,
        boolean descUnits,
        List<Unit> units,
        List<Occupant> zeroU) {

    /**
     * @param unit the unit number
     * @param occupants assets taking any part of the unit on this face (two when half-U assets share it)
     */
    public record Unit(int unit, List<Occupant> occupants) {}

    /**
     * An asset as the elevation shows it.
     *
     * @param position its lowest unit
     * @param uHeight its height in units
     * @param face the face it is mounted on; for a full-depth asset seen from the other face, that other face
     * @param modelColour its model's colour (six lower-case hex digits), {@code null} when the model has none
     */
    public record Occupant(
            long assetId,
            String hostname,
            String assetTag,
            String modelName,
            BigDecimal position,
            BigDecimal uHeight,
            Face face,
            boolean isFullDepth,
            String modelColour) {}
}
