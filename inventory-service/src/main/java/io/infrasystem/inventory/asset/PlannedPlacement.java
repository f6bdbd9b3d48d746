package io.infrasystem.inventory.asset;

import io.infrasystem.inventory.rack.Rack;
import java.math.BigDecimal;

/**
 * Where an asset is to sit: a rack (or none), its lowest unit and face, with the size of its
 * model.
 *
 * @param assetId the asset, {@code null} for one not created yet
 * @param label how errors name the asset (hostname, asset tag or id)
 * @param rack target rack, {@code null} when not racked
 * @param position lowest unit, {@code null} for zero-U or unmounted
 * @param uHeight model height in rack units
 * @param fullDepth whether the model fills both faces
 */
public record PlannedPlacement(
        Long assetId, String label, Rack rack, BigDecimal position, Face face, BigDecimal uHeight, boolean fullDepth) {

    /** @return whether this placement occupies units */
    public boolean mounted() {
        return rack != null && position != null;
    }

    /** @return the exclusive top edge, {@code position + u_height} */
    public BigDecimal top() {
        return position.add(uHeight);
    }

    /** @return whether both occupy a common half unit on a common face */
    public boolean collidesWith(PlannedPlacement other) {
        if (!mounted() || !other.mounted() || !rack.id.equals(other.rack.id)) {
            return false;
        }
        boolean sameFace = fullDepth || other.fullDepth || face == other.face;
        return sameFace && position.compareTo(other.top()) < 0 && other.position.compareTo(top()) < 0;
    }

    /** @return the units described for people, e.g. {@code U10-U11 (front)} or {@code U10.5-U11.5 (both faces)} */
    public String units() {
        BigDecimal last = top().subtract(
                        uHeight.stripTrailingZeros().scale() <= 0
                                        && position.stripTrailingZeros().scale() <= 0
                                ? BigDecimal.ONE
                                : new BigDecimal("0.5"));
        return "U" + position.stripTrailingZeros().toPlainString() + "-U"
                + last.stripTrailingZeros().toPlainString() + " (" + (fullDepth ? "both faces" : face.wire()) + ")";
    }
}
