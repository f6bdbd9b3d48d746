package io.infrasystem.inventory.placement;

import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.rack.RackUnits;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rack placement rules, checked before every write that places an asset (the database
 * enforces the same rules with triggers and the {@code rack_unit_occupancy} key, as a last line
 * against races):
 * <ul>
 * <li>a position needs a rack and a face, and is a multiple of 0.5 units;</li>
 * <li>a zero-U model has no position;</li>
 * <li>the asset lies within the rack's units ({@code starting_unit} to {@code starting_unit + u_height});</li>
 * <li>no two assets share a half unit on a face; a full-depth asset takes both faces.</li>
 * </ul>
 */
@ApplicationScoped
public class PlacementRules {

    /**
     * Checks the shape of one placement (not collisions).
     *
     * @param prefix prefix of the error fields, e.g. {@code moves[2].} or empty
     * @throws ProblemException 400 naming {@code position}, {@code face} or {@code rack_id}
     */
    public void checkShape(PlannedPlacement placement, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal position = placement.position();
        if (position != null) {
            if (placement.rack() == null) {
                errors.add(new FieldError(prefix + "rack_id", "a position needs a rack"));
            }
            if (placement.face() == null) {
                errors.add(new FieldError(prefix + "face", "a position needs a face (front or rear)"));
            }
            if (placement.uHeight().signum() == 0) {
                errors.add(new FieldError(prefix + "position", "a 0U model is mounted without a position"));
            } else if (!RackUnits.isHalfStep(position)) {
                errors.add(new FieldError(prefix + "position", "must be a rack unit in steps of 0.5"));
            } else if (placement.rack() != null
                    && (position.compareTo(BigDecimal.valueOf(placement.rack().startingUnit)) < 0
                            || placement
                                            .top()
                                            .compareTo(BigDecimal.valueOf(
                                                    placement.rack().aboveTop()))
                                    > 0)) {
                errors.add(new FieldError(
                        prefix + "position",
                        "a " + placement.uHeight().stripTrailingZeros().toPlainString()
                                + "U asset at U" + position.stripTrailingZeros().toPlainString()
                                + " does not fit in rack "
                                + placement.rack().name + " (units " + placement.rack().startingUnit + "-"
                                + (placement.rack().aboveTop() - 1) + ")"));
            }
        } else if (placement.face() != null && placement.rack() == null) {
            errors.add(new FieldError(prefix + "face", "a face needs a rack"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * Checks that the placements collide neither with each other nor with the assets already in
     * their racks, except the assets being placed (their current places are vacated).
     *
     * @param placements the new placements, all of shape already checked
     * @throws ProblemException 409 naming each blocking asset and its units
     */
    public void checkCollisions(Collection<PlannedPlacement> placements) {
        List<PlannedPlacement> list = List.copyOf(placements);
        Set<Long> moving = new HashSet<>();
        for (PlannedPlacement p : list) {
            if (p.assetId() != null) {
                moving.add(p.assetId());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        for (Collision c : collisions(list, moving)) {
            errors.add(new FieldError(c.placement().label(), c.message(c.holderAsAsset())));
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? errors.get(0).field() + " " + errors.get(0).message()
                    : errors.size() + " placements collide with other assets";
            throw new ProblemException(ProblemKind.CONFLICT, detail, errors);
        }
    }

    /**
     * A placement that meets one taken before it.
     *
     * @param index the placement's index in the checked list
     * @param placement that placement
     * @param holderIndex the index of the earlier placement of the same list in the way, or -1 for a stored asset
     * @param holder the placement in the way
     */
    public record Collision(int index, PlannedPlacement placement, int holderIndex, PlannedPlacement holder) {

        /** @return {@code asset <id> (<label>)}: the holder named as a stored asset */
        public String holderAsAsset() {
            return "asset " + holder.assetId() + " (" + holder.label() + ")";
        }

        /** @return {@code cannot take U<a>-U<b> of rack <r>: <holderName> occupies U<c>-U<d>} */
        public String message(String holderName) {
            return "cannot take " + placement.units() + " of rack " + placement.rack().name + ": " + holderName
                    + " occupies " + holder.units();
        }
    }

    /**
     * The collisions of placements with each other (in list order: a placement meets those before
     * it) and with the assets stored in their racks, except the assets in {@code moving} (their
     * current places are vacated). One query for all racks; each placement is compared only with
     * those of its own rack, so a bulk import stays linear in the number of racks' contents.
     *
     * @param placements the placements, all of shape already checked (unmounted ones are skipped)
     * @param moving ids of the stored assets being placed anew
     * @return every colliding pair, in list order
     */
    public List<Collision> collisions(List<PlannedPlacement> placements, Set<Long> moving) {
        record Taken(int index, PlannedPlacement placement) {}
        Map<Long, List<Taken>> byRack = new HashMap<>();
        for (PlannedPlacement p : placements) {
            if (p.mounted()) {
                byRack.putIfAbsent(p.rack().id, new ArrayList<>());
            }
        }
        if (byRack.isEmpty()) {
            return List.of();
        }
        List<Asset> present = Asset.find(
                        "from Asset a join fetch a.model join fetch a.rack"
                                + " where a.rack.id in ?1 and a.position is not null",
                        byRack.keySet())
                .list();
        for (Asset asset : present) {
            if (!moving.contains(asset.id)) {
                byRack.get(asset.rack.id).add(new Taken(-1, of(asset)));
            }
        }
        List<Collision> collisions = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            PlannedPlacement p = placements.get(i);
            if (!p.mounted()) {
                continue;
            }
            List<Taken> taken = byRack.get(p.rack().id);
            for (Taken t : taken) {
                if (p.collidesWith(t.placement())) {
                    collisions.add(new Collision(i, p, t.index(), t.placement()));
                }
            }
            taken.add(new Taken(i, p));
        }
        return collisions;
    }

    /** @return the current placement of a stored asset */
    public static PlannedPlacement of(Asset asset) {
        return new PlannedPlacement(
                asset.id,
                label(asset),
                asset.rack,
                asset.position,
                asset.face,
                asset.model.uHeight,
                asset.model.fullDepth);
    }

    /** @return how messages name an asset: hostname, else asset tag, else {@code #id} */
    public static String label(Asset asset) {
        if (asset.hostname != null && !asset.hostname.isBlank()) {
            return asset.hostname;
        }
        if (asset.assetTag != null && !asset.assetTag.isBlank()) {
            return asset.assetTag;
        }
        return asset.id == null ? "new asset" : "#" + asset.id;
    }
}
